import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import { searchBodySchema } from '@/domain/schema/search-request'
import { buildTimeline } from '@/domain/timeline/build'
import { openArchive, type Archive } from '@/server/archive/archive'
import { extractIndexed } from '@/server/archive/extract'
import { importText } from '@/server/archive/import'
import { DAY, T0 } from './fixtures'
import { buildRecord } from './record-factory'

/** HTML messages as agents and bots send them: inline and block markup, references, hidden parts. */
const HTML_MESSAGES = [
  '<p>Hello&nbsp;<b>W&#246;rld</b> &amp; co<script>alert(1)</script><br/>bye</p>',
  'Your <strong>order</strong> <em>#4471</em> ships to&#x20;Berlin',
  '<ul><li>First step</li><li>Second&nbsp;step</li></ul><p>Done</p>',
  '<table><tr><td>Total</td><td>&euro;12</td></tr><tr><td>Tax</td><td>0</td></tr></table>',
  '<div>caf&#233; <span>au</span> lait</div><!-- internal note --><template><p>hidden</p></template>',
  '&#x1F449; choose <a href="https://example.com/x">this link</a> &lt;not a tag&gt;',
  '<h2>Refund</h2><p>Approved</p>\n\n\n\n<p>Thanks</p>',
  '<style>p { color: red }</style><p>Styled &quot;quote&quot; &apos;single&apos;</p>',
  '<table><tr><th>Order</th><td>12345</td></tr></table><dl><dt>Status</dt><dd>shipped</dd></dl>',
]

let dir: string
let archive: Archive
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cv-indexed-text-'))
  archive = openArchive(join(dir, 'archive.db'))
})
afterEach(() => {
  archive.close()
  rmSync(dir, { recursive: true, force: true })
})

function recordWith(id: string, html: string) {
  const raw = buildRecord({
    id,
    start: T0,
    end: T0 + 60_000,
    messages: [{ type: 'TEXT_HTML', text: html, sentBy: 'Agent' }],
  })
  const parsed = parseConversationRecord(raw)
  if (!parsed.ok) throw new Error(parsed.reason)
  return { raw, record: parsed.record }
}

test('the archive indexes the same text of an HTML message that find-in-transcript searches', () => {
  for (const [index, html] of HTML_MESSAGES.entries()) {
    const { record } = recordWith(`html-${String(index)}`, html)
    const findText = buildTimeline(record)
      .flatMap((item) => (item.kind === 'message' ? [item.text] : []))
      .join('\n')
    expect(extractIndexed(record)?.messagesText, html).toBe(findText)
  }
})

test('a word that find sees in an HTML message is one the server search finds, and hidden text is in neither', () => {
  const raws = HTML_MESSAGES.map((html, index) => recordWith(`html-${String(index)}`, html).raw)
  expect(importText(archive, JSON.stringify(raws), 'html.json')).toMatchObject({ ok: true })
  const found = (q: string) =>
    archive
      .search(
        searchBodySchema.parse({ start: { from: T0 - DAY, to: T0 + DAY }, keyword: q }),
        { offset: 0, limit: 100, sortField: 'start', sortOrder: 'asc' },
        ['info'],
      )
      .records.map((json) => /"conversationId":"([^"]+)"/.exec(json)?.[1])
  // Decoded references and words split by block markup are found as the reader sees them.
  expect(found('Wörld')).toEqual(['html-0'])
  expect(found('café')).toEqual(['html-4'])
  expect(found('"second step"')).toEqual(['html-2'])
  // Table cells and definition terms are words apart, as on screen.
  expect(found('12345')).toEqual(['html-8'])
  expect(found('shipped')).toEqual(['html-8'])
  // Script, template, style and comment contents are not text.
  expect(found('alert')).toEqual([])
  expect(found('hidden')).toEqual([])
  expect(found('internal')).toEqual([])
  expect(found('color')).toEqual([])
})
