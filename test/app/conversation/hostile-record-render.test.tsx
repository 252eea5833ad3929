/**
 * Hostile input, end to end (issue 11): the detail page of a record in which many fields at once,
 * at every level, are wrong types, long strings, control characters and lone surrogates, numbers
 * out of range, or nested 5,000 deep. The page renders, with its header and every panel, and its
 * notice names every section that did not parse.
 */
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import fc from 'fast-check'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { PANEL_IDS, PANEL_LABELS } from '@/app/features/conversation/panel-ids'
import { parseConversationRecord } from '@/domain/schema/record'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { pathsOf, setAt } from '../../domain/schema/record-paths'
import { ACCOUNT, mockConfig, SEED_ID, seed, type RawRecord } from './conversation-fixtures'

const PATHS = pathsOf(seed()).filter((p) => p !== 'info' && p !== 'info.conversationId')

/**
 * Values nested 5,000 deep travel as JSON text (JSON.stringify cannot build them): the record
 * carries a placeholder string and the response body gets the deep text in its place.
 */
const DEPTH = 5000
const DEEP_JSON: Readonly<Record<string, string>> = {
  '@@deep-array@@': `${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}`,
  '@@deep-object@@': `${'{"a":'.repeat(DEPTH)}"leaf"${'}'.repeat(DEPTH)}`,
  '@@deep-content@@': `${'{"type":"vertical","elements":['.repeat(DEPTH)}{"type":"text","text":"x"}${']}'.repeat(DEPTH)}`,
}

const CHARS = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  '<',
  '&',
  'a',
  '1',
  ' ',
]

class Long {
  constructor(readonly text: string) {}
  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.text.slice(0, 6))}… (${String(this.text.length)} chars)`
  }
  toJSON(): string {
    return this.text
  }
}

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 30 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constantFrom(
    1e308,
    -1e308,
    -1,
    8.64e15 + 1,
    2 ** 53 + 1,
    0.5,
    '1e308',
    '-1',
    '8640000000000001',
  ),
  // long strings, reported by a label when a run fails
  fc.constantFrom(
    new Long('7'.repeat(20_000)),
    new Long(`${'\ud800'.repeat(10_000)}x`),
    new Long('<b>'.repeat(5_000)),
  ),
  fc.constantFrom(...Object.keys(DEEP_JSON)),
)

/** A section replaced by a value of the wrong kind: the parser must name it. */
const SURELY_BROKEN = [
  'transfers',
  'interactions',
  'messageStatuses',
  'agentParticipants',
  'conversationSurveys',
  'campaign',
  'summary',
  'coBrowseSessions',
  'unAuthSdes',
] as const

const cases = fc.record({
  changes: fc.array(fc.tuple(fc.constantFrom(...PATHS), hostile), { minLength: 8, maxLength: 40 }),
  broken: fc.constantFrom(...SURELY_BROKEN),
  scalar: fc.constantFrom<unknown>(42, true, 'not a section', -1e308),
})

/** The record as JSON text, with the deep values in place of their placeholders. */
function recordJson(record: RawRecord): string {
  let json = JSON.stringify(record)
  for (const [placeholder, deep] of Object.entries(DEEP_JSON)) {
    json = json.replaceAll(`"${placeholder}"`, deep)
  }
  return json
}

/** The sections the notice lists ("Could not read all of: a, b. What could not …"). */
function listedSections(notice: HTMLElement): string[] {
  const match = /Could not read all of: (.*?)\. What could not be read is left out\./.exec(
    notice.textContent ?? '',
  )
  return match?.[1]?.split(', ').sort() ?? []
}

test('a record broken in many places at once renders, and the notice names every broken section', async () => {
  await fc.assert(
    fc.asyncProperty(cases, async ({ changes, broken, scalar }) => {
      const raw = seed()
      for (const [path, value] of changes) setAt(raw, path, value)
      setAt(raw, broken, scalar)
      const json = recordJson(raw)
      const body = `{"_metadata":{"count":1},"conversationHistoryRecords":[${json}]}`

      // What the parser found wrong, section by section (the page shows the same parse).
      const parsed = parseConversationRecord(JSON.parse(json))
      if (!parsed.ok) throw new Error(parsed.reason)
      const expected = [...new Set(parsed.warnings.map((w) => w.section.split(/[.[]/)[0]))]
      expect(expected).toContain(broken)

      mockConfig()
      server.use(
        http.post(
          `*/messaging_history/api/account/${ACCOUNT}/conversations/conversation/search`,
          () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }),
        ),
      )
      const user = userEvent.setup()
      try {
        await renderRoute(`/conversations/${SEED_ID}`)
        expect(
          await screen.findByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` }),
        ).toBeVisible()
        expect(
          screen.queryByRole('heading', { name: 'The conversation could not be loaded' }),
        ).not.toBeInTheDocument()
        expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument()

        const notice = screen.getByRole('region', {
          name: 'Parts of this conversation may be incomplete',
        })
        expect(listedSections(notice)).toEqual([...expected].sort())
        await user.click(within(notice).getByText(`Details (${String(parsed.warnings.length)})`))
        const details = within(notice).getAllByRole('listitem').slice(-parsed.warnings.length)
        expect(details.map((li) => li.textContent)).toEqual(
          parsed.warnings.map((w) => `${w.section}: ${w.message}`),
        )

        // Every panel opens, whatever survived of its section.
        for (const id of PANEL_IDS) {
          await user.click(screen.getByRole('tab', { name: new RegExp(PANEL_LABELS[id]) }))
          expect(
            within(screen.getByRole('tabpanel')).getByRole('heading', { level: 2 }),
          ).toHaveTextContent(PANEL_LABELS[id])
        }
        expect(
          screen.getByRole('heading', { level: 1, name: `Conversation ${SEED_ID}` }),
        ).toBeVisible()
      } finally {
        cleanup()
        server.resetHandlers()
      }
    }),
    { numRuns: 20 },
  )
}, 180_000)
