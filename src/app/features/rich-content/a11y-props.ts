import type { AriaAttributes, AriaRole } from 'react'
import type { ScAccessibilityWeb } from '@/domain/schema/structured-content'

export type ScAriaProps = AriaAttributes & { role?: AriaRole; tabIndex?: number }

/**
 * `accessibility.web` as React props. The schema has already kept only json-pollock's allowed
 * attributes, each with a valid value; this maps `tabindex` to `tabIndex`.
 *
 * `generic`: the attributes go on a `div`/`span`/`label` (a generic element). ARIA forbids naming
 * a generic element, so without a `role` an `aria-label` or `aria-roledescription` is dropped.
 */
export function scAriaProps(
  accessibility: { web?: ScAccessibilityWeb | undefined } | undefined,
  options: { generic?: boolean } = {},
): ScAriaProps {
  const web = accessibility?.web
  if (!web) return {}
  const { role, tabindex, ...aria } = web
  const props: ScAriaProps = { ...aria }
  if (role) props.role = role
  if (tabindex) props.tabIndex = Number(tabindex)
  if (options.generic && !role) {
    delete props['aria-label']
    delete props['aria-roledescription']
  }
  return props
}
