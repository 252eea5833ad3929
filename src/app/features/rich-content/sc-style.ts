import type { CSSProperties } from 'react'
import type { ScStyle } from '@/domain/schema/structured-content'

/** json-pollock's `size` → font-size: small 11px, medium 13px, large 17px. */
const FONT_SIZE = { small: 11, medium: 13, large: 17 } as const

export interface SplitStyle {
  /** `background-color`, applied to the wrapper as json-pollock does. */
  outer: CSSProperties
  /** Colour, weight, style and size, applied to the inner element. */
  inner: CSSProperties
}

/** Maps a Structured Content `style` the way json-pollock's `styleToCss` does. */
export function scStyle(style: ScStyle | undefined): SplitStyle {
  const inner: CSSProperties = {}
  const outer: CSSProperties = {}
  if (!style) return { inner, outer }
  if (style.color) inner.color = style.color
  if (style.bold) inner.fontWeight = 'bold'
  if (style.italic) inner.fontStyle = 'italic'
  if (style.size) inner.fontSize = `${String(FONT_SIZE[style.size])}px`
  if (style['background-color']) outer.backgroundColor = style['background-color']
  return { inner, outer }
}

/** `border-color` and `border-radius`: only for `class: "button"` buttons and quick replies. */
export function scBorderStyle(style: ScStyle | undefined): CSSProperties {
  const css: CSSProperties = {}
  if (style?.['border-color']) css.borderColor = style['border-color']
  if (style?.['border-radius'] !== undefined)
    css.borderRadius = `${String(style['border-radius'])}px`
  return css
}

/** Both halves in one object, for elements without a separate wrapper (images, maps). */
export function scFlatStyle(style: ScStyle | undefined): CSSProperties {
  const { inner, outer } = scStyle(style)
  return { ...outer, ...inner }
}

const DARK_INK = { text: 'dark:text-black', link: 'dark:text-[#0363ad]' } as const

/**
 * Content colours were chosen against json-pollock's white bubble. In dark mode an element that
 * sets only a text colour gets that white surface back, and one that sets only a background gets
 * the light-mode ink, so the brand's colours stay readable.
 */
export function darkModeGuard(
  style: ScStyle | undefined,
  ink: keyof typeof DARK_INK,
): { surface: string | undefined; ink: string | undefined } {
  const color = style?.color !== undefined
  const background = style?.['background-color'] !== undefined
  return {
    surface: color && !background ? 'dark:bg-white' : undefined,
    ink: background && !color ? DARK_INK[ink] : undefined,
  }
}
