import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DEFAULT_SCORECARD } from '@/domain/default-scorecard'
import {
  computeScore,
  criteriaOf,
  maxPoints,
  NOT_APPLICABLE,
  scalePoints,
  scorecardDefinitionSchema,
  type Criterion,
  type ScorecardDefinition,
} from '@/domain/schema/reviews'

/** A scorecard of one section holding these criteria (defaults filled in by the schema). */
function card(criteria: readonly unknown[]): ScorecardDefinition {
  return scorecardDefinitionSchema.parse({
    name: 'Test',
    sections: [
      { id: 'all', name: 'All', criteria: criteria.map((c) => ({ name: 'c', ...(c as object) })) },
    ],
  })
}

describe('the worked examples in docs/reviews.md', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/reviews.md'), 'utf8')
  const examples = [...doc.matchAll(/```json score-example\n([\s\S]*?)```/g)].map(
    (match) =>
      JSON.parse(match[1] ?? '') as {
        criteria: unknown[]
        answers: Record<string, string>
        percent: number | null
        criticalFailed?: boolean
        unscored?: number
      },
  )

  test('the page has its six examples', () => {
    expect(examples).toHaveLength(6)
  })

  test.each(examples.map((example, index) => [index + 1, example] as const))(
    'example %i scores as the page says',
    (_n, example) => {
      const score = computeScore(card(example.criteria), example.answers)
      expect(score.percent).toBe(example.percent)
      expect(score.criticalFailed).toBe(example.criticalFailed ?? false)
      expect(score.unscored).toBe(example.unscored ?? 0)
    },
  )
})

const scaleArb = fc.oneof(
  fc.constant({ kind: 'yes-no' as const }),
  fc.constant({ kind: 'one-to-five' as const }),
  fc
    .uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 6 })
    .filter((points) => points.some((p) => p > 0))
    .chain((points) =>
      fc.record({
        kind: fc.constant('custom' as const),
        points: fc.tuple(
          ...points.map((p, i) =>
            fc.record({
              key: fc.constant(`p${String(i)}`),
              label: fc.constant(`Point ${String(i)}`),
              points: fc.constant(p),
              fail: fc.boolean(),
            }),
          ),
        ),
      }),
    ),
)

const criterionArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    scale: scaleArb,
    weight: fc.integer({ min: 1, max: 1000 }).map((w) => w / 10),
    allowNa: fc.boolean(),
    critical: fc.boolean(),
  })

const cardArb = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => criterionArb(`c${String(i)}`))))
  .map((criteria) => card(criteria))

/** Any answer a criterion can have: one of its points, N/A if allowed, or none. */
const answersArb = (scorecard: ScorecardDefinition) =>
  fc
    .tuple(
      ...criteriaOf(scorecard).map((criterion) =>
        fc.oneof(
          fc.constantFrom(...scalePoints(criterion.scale).map((p) => p.key)),
          criterion.allowNa ? fc.constant(NOT_APPLICABLE) : fc.constant(undefined),
          fc.constant(undefined),
        ),
      ),
    )
    .map((values) => {
      const answers: Record<string, string> = {}
      criteriaOf(scorecard).forEach((criterion, i) => {
        const value = values[i]
        if (value !== undefined) answers[criterion.id] = value
      })
      return answers
    })

const withAnswers = cardArb.chain((scorecard) =>
  fc.tuple(fc.constant(scorecard), answersArb(scorecard)),
)

const fails = (criterion: Criterion, answer: string | undefined) =>
  scalePoints(criterion.scale).find((p) => p.key === answer)?.fail === true

describe('score properties', () => {
  test('a score is null or within 0–100, and counts every criterion once', () => {
    fc.assert(
      fc.property(withAnswers, ([scorecard, answers]) => {
        const score = computeScore(scorecard, answers)
        if (score.percent !== null) {
          expect(score.percent).toBeGreaterThanOrEqual(0)
          expect(score.percent).toBeLessThanOrEqual(100)
        }
        expect(score.scored + score.notApplicable + score.unscored + score.invalid).toBe(
          criteriaOf(scorecard).length,
        )
        expect(score.percent === null).toBe(score.scored === 0)
      }),
    )
  })

  test('the score is the weighted share of points over the scored criteria', () => {
    fc.assert(
      fc.property(withAnswers, ([scorecard, answers]) => {
        const scored = criteriaOf(scorecard).flatMap((criterion) => {
          const point = scalePoints(criterion.scale).find((p) => p.key === answers[criterion.id])
          return point ? [{ criterion, share: point.points / maxPoints(criterion.scale) }] : []
        })
        const score = computeScore(scorecard, answers)
        if (scored.length === 0 || score.criticalFailed) return
        const weights = scored.reduce((sum, s) => sum + s.criterion.weight, 0)
        const earned = scored.reduce((sum, s) => sum + s.criterion.weight * s.share, 0)
        // Kept to one decimal place: at most half a tenth from the exact share.
        expect(
          Math.abs((score.percent ?? Number.NaN) - (earned / weights) * 100),
        ).toBeLessThanOrEqual(0.05 + 1e-9)
      }),
    )
  })

  test('a fail on a critical criterion makes it 0, and only that does', () => {
    fc.assert(
      fc.property(withAnswers, ([scorecard, answers]) => {
        const criticalFail = criteriaOf(scorecard).some(
          (criterion) => criterion.critical && fails(criterion, answers[criterion.id]),
        )
        const score = computeScore(scorecard, answers)
        expect(score.criticalFailed).toBe(criticalFail)
        if (criticalFail) expect(score.percent).toBe(0)
      }),
    )
  })

  test('N/A leaves the score as if the criterion were not on the scorecard', () => {
    fc.assert(
      fc.property(withAnswers, ([scorecard, answers]) => {
        const na = criteriaOf(scorecard).filter((c) => answers[c.id] === NOT_APPLICABLE)
        const without = scorecardDefinitionSchema.safeParse({
          ...scorecard,
          sections: [
            {
              id: 'all',
              name: 'All',
              criteria: criteriaOf(scorecard).filter((c) => !na.includes(c)),
            },
          ],
        })
        if (!without.success) return // every criterion was N/A: a scorecard needs one
        expect(computeScore(without.data, answers).percent).toBe(
          computeScore(scorecard, answers).percent,
        )
      }),
    )
  })

  test('scaling every weight by the same factor keeps the score', () => {
    fc.assert(
      fc.property(withAnswers, fc.integer({ min: 2, max: 9 }), ([scorecard, answers], factor) => {
        const scaled = card(
          criteriaOf(scorecard).map((c) => ({ ...c, weight: Math.min(100, c.weight * factor) })),
        )
        if (criteriaOf(scorecard).some((c) => c.weight * factor > 100)) return
        const before = computeScore(scorecard, answers).percent
        const after = computeScore(scaled, answers).percent
        if (before === null) expect(after).toBeNull()
        else expect(Math.abs((after ?? Number.NaN) - before)).toBeLessThanOrEqual(0.1)
      }),
    )
  })

  test('raising one answer to a higher point never lowers a non-critical score', () => {
    fc.assert(
      fc.property(withAnswers, fc.nat(), ([scorecard, answers], pick) => {
        const criteria = criteriaOf(scorecard).filter((c) => !c.critical)
        const criterion = criteria[pick % Math.max(1, criteria.length)]
        if (!criterion) return
        const points = scalePoints(criterion.scale)
        const current = points.find((p) => p.key === answers[criterion.id])
        if (!current) return
        const better = points.find((p) => p.points > current.points)
        if (!better) return
        const before = computeScore(scorecard, answers).percent ?? 0
        const after = computeScore(scorecard, { ...answers, [criterion.id]: better.key }).percent
        expect(after).toBeGreaterThanOrEqual(before)
      }),
    )
  })
})

describe('answers a scorecard does not know', () => {
  const scorecard = card([
    { id: 'greeting', scale: { kind: 'one-to-five' } },
    { id: 'compliance', scale: { kind: 'yes-no' } },
  ])

  test('a point that is not on the scale, or N/A where it is not allowed, is invalid and does not count', () => {
    const score = computeScore(scorecard, { greeting: '7', compliance: NOT_APPLICABLE })
    expect(score).toEqual({
      percent: null,
      criticalFailed: false,
      scored: 0,
      notApplicable: 0,
      unscored: 0,
      invalid: 2,
    })
  })
})

describe('scorecard definitions', () => {
  test('the default scorecard is valid and covers the messaging basics', () => {
    const parsed = scorecardDefinitionSchema.parse(DEFAULT_SCORECARD)
    expect(criteriaOf(parsed).map((c) => c.id)).toEqual([
      'greeting',
      'verification',
      'discovery',
      'accuracy',
      'resolution',
      'empathy',
      'compliance',
      'closing',
    ])
    expect(
      criteriaOf(parsed)
        .filter((c) => c.critical)
        .map((c) => c.id),
    ).toEqual(['verification', 'compliance'])
  })

  test('a criterion ID used twice is refused, naming where', () => {
    const result = scorecardDefinitionSchema.safeParse({
      name: 'Twice',
      sections: [
        { id: 'a', name: 'A', criteria: [{ id: 'x', name: 'X', scale: { kind: 'yes-no' } }] },
        { id: 'b', name: 'B', criteria: [{ id: 'x', name: 'X', scale: { kind: 'yes-no' } }] },
      ],
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: ['sections', 1, 'criteria', 0, 'id'],
      message: 'criterion ID "x" is used twice',
    })
  })

  test('a custom scale worth nothing, or with one point, is refused', () => {
    const zero = scorecardDefinitionSchema.safeParse({
      name: 'Zero',
      sections: [
        {
          id: 'a',
          name: 'A',
          criteria: [
            {
              id: 'x',
              name: 'X',
              scale: {
                kind: 'custom',
                points: [
                  { key: 'a', label: 'A', points: 0 },
                  { key: 'b', label: 'B', points: 0 },
                ],
              },
            },
          ],
        },
      ],
    })
    expect(zero.error?.issues[0]?.message).toBe('at least one point must be worth more than 0')
  })

  test('on a custom scale without a marked fail, the lowest point is the fail', () => {
    const points = scalePoints({
      kind: 'custom',
      points: [
        { key: 'good', label: 'Good', points: 3, fail: false },
        { key: 'poor', label: 'Poor', points: 1, fail: false },
      ],
    })
    expect(points.map((p) => [p.key, p.fail])).toEqual([
      ['good', false],
      ['poor', true],
    ])
  })
})
