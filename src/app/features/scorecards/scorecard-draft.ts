import type { Scale, ScorecardDefinition, ScorecardDefinitionInput } from '@/domain/schema/reviews'

/**
 * The editor's working copy of a scorecard: what the inputs hold (numbers as the text typed), a
 * `rowKey` per item for React and reordering, and whether each ID is `locked`. An ID that came
 * with the scorecard stays as it is (reviews and exports name criteria and points by it); a new
 * item's ID follows its name until it is saved.
 */
export interface DraftPoint {
  rowKey: string
  key: string
  locked: boolean
  label: string
  points: string
  fail: boolean
}

export type ScaleKind = Scale['kind']

export interface DraftCriterion {
  rowKey: string
  id: string
  locked: boolean
  name: string
  guidance: string
  kind: ScaleKind
  points: DraftPoint[]
  weight: string
  allowNa: boolean
  critical: boolean
}

export interface DraftSection {
  rowKey: string
  id: string
  locked: boolean
  name: string
  criteria: DraftCriterion[]
}

export interface ScorecardDraft {
  name: string
  description: string
  sections: DraftSection[]
}

let counter = 0
const rowKey = () => `row-${String(++counter)}`

/** Two points to start a custom scale with. */
export const newPoints = (): DraftPoint[] => [
  { rowKey: rowKey(), key: '', locked: false, label: 'Met', points: '1', fail: false },
  { rowKey: rowKey(), key: '', locked: false, label: 'Not met', points: '0', fail: true },
]

export const newPoint = (): DraftPoint => ({
  rowKey: rowKey(),
  key: '',
  locked: false,
  label: '',
  points: '0',
  fail: false,
})

export const newCriterion = (): DraftCriterion => ({
  rowKey: rowKey(),
  id: '',
  locked: false,
  name: '',
  guidance: '',
  kind: 'yes-no',
  points: [],
  weight: '1',
  allowNa: false,
  critical: false,
})

export const newSection = (): DraftSection => ({
  rowKey: rowKey(),
  id: '',
  locked: false,
  name: '',
  criteria: [newCriterion()],
})

export const emptyDraft = (): ScorecardDraft => ({
  name: '',
  description: '',
  sections: [newSection()],
})

/** A saved scorecard as the editor starts from it: every ID locked. */
export function draftOf(definition: ScorecardDefinition): ScorecardDraft {
  return {
    name: definition.name,
    description: definition.description,
    sections: definition.sections.map((section) => ({
      rowKey: rowKey(),
      id: section.id,
      locked: true,
      name: section.name,
      criteria: section.criteria.map((criterion) => ({
        rowKey: rowKey(),
        id: criterion.id,
        locked: true,
        name: criterion.name,
        guidance: criterion.guidance,
        kind: criterion.scale.kind,
        points:
          criterion.scale.kind === 'custom'
            ? criterion.scale.points.map((point) => ({
                rowKey: rowKey(),
                key: point.key,
                locked: true,
                label: point.label,
                points: String(point.points),
                fail: point.fail,
              }))
            : [],
        weight: String(criterion.weight),
        allowNa: criterion.allowNa,
        critical: criterion.critical,
      })),
    })),
  }
}

/** Lower-case letters, digits and dashes, as the schema wants IDs. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
}

/** An ID for a new item: its name's slug, made unique among `taken`. */
function freshId(name: string, fallback: string, taken: Set<string>): string {
  const base = slug(name) || fallback
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${String(n)}`
  taken.add(id)
  return id
}

/** The text of a number input as a number (blank or junk: NaN, which the schema refuses). */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/**
 * The draft as the API takes it (`scorecardDefinitionSchema`'s input): locked IDs as they are,
 * new ones from their names (unique among sections, among criteria, among a scale's points).
 */
export function definitionOf(draft: ScorecardDraft): ScorecardDefinitionInput {
  const sectionIds = new Set(draft.sections.filter((s) => s.locked).map((s) => s.id))
  const criterionIds = new Set(
    draft.sections.flatMap((s) => s.criteria.filter((c) => c.locked).map((c) => c.id)),
  )
  return {
    name: draft.name,
    description: draft.description,
    sections: draft.sections.map((section, s) => ({
      id: section.locked
        ? section.id
        : freshId(section.name, `section-${String(s + 1)}`, sectionIds),
      name: section.name,
      criteria: section.criteria.map((criterion, c) => {
        const scale: Scale =
          criterion.kind === 'custom'
            ? {
                kind: 'custom',
                points: (() => {
                  const keys = new Set(criterion.points.filter((p) => p.locked).map((p) => p.key))
                  return criterion.points.map((point, p) => ({
                    key: point.locked
                      ? point.key
                      : freshId(point.label, `point-${String(p + 1)}`, keys),
                    label: point.label,
                    points: numberOf(point.points),
                    fail: point.fail,
                  }))
                })(),
              }
            : { kind: criterion.kind }
        return {
          id: criterion.locked
            ? criterion.id
            : freshId(criterion.name, `criterion-${String(c + 1)}`, criterionIds),
          name: criterion.name,
          guidance: criterion.guidance,
          scale,
          weight: numberOf(criterion.weight),
          allowNa: criterion.allowNa,
          critical: criterion.critical,
        }
      }),
    })),
  }
}

/** Moves the item at `index` by `by` places (within the list). */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by
  if (target < 0 || target >= items.length) return [...items]
  const next = [...items]
  const [item] = next.splice(index, 1)
  if (item !== undefined) next.splice(target, 0, item)
  return next
}
