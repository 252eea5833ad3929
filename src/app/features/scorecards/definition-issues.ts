import type { z } from 'zod'

/** A field of a scorecard definition as a dotted path: `sections.0.criteria.1.weight`. */
export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.')

/** Field path → the first message the schema gave for it. */
export type FieldErrors = ReadonlyMap<string, string>

export function fieldErrors(error: z.ZodError | undefined): FieldErrors {
  const errors = new Map<string, string>()
  for (const issue of error?.issues ?? []) {
    const path = fieldPath(issue.path)
    if (!errors.has(path)) errors.set(path, issue.message)
  }
  return errors
}

const WORDS: Readonly<Record<string, string>> = {
  name: 'name',
  description: 'description',
  guidance: 'guidance',
  weight: 'weight',
  label: 'label',
  points: 'points',
  key: 'key',
  id: 'ID',
  scale: 'scale',
  kind: 'scale',
  allowNa: 'N/A allowed',
  critical: 'critical',
  fail: 'fail',
}

/**
 * A field path as the editor's reader says it: `Section 2 › criterion 1 › weight`. A path ending
 * in a list (`sections`, `criteria`, `points`) is about the list itself.
 */
export function describeField(path: string): string {
  if (path === '') return 'Scorecard'
  const parts = path.split('.')
  const words: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? ''
    const next = parts[i + 1]
    const index = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : undefined
    if (part === 'sections' || part === 'criteria' || (part === 'points' && index !== undefined)) {
      const noun = part === 'sections' ? 'section' : part === 'criteria' ? 'criterion' : 'point'
      words.push(
        index === undefined
          ? `${noun === 'criterion' ? 'criteria' : `${noun}s`}`
          : `${noun} ${String(index)}`,
      )
      if (index !== undefined) i++
    } else if (part === 'scale' && parts[i + 1] === 'points' && parts[i + 2] === undefined) {
      words.push('points')
      i++
    } else {
      words.push(WORDS[part] ?? part)
    }
  }
  // A field of the scorecard itself: "Scorecard name".
  const text = parts.length === 1 ? `scorecard ${words.join('')}` : words.join(' › ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
