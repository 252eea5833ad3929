import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { renderRoute } from '../render-route'
import { mockDetail, SEED_ID, seed, simpleRecord, useUtc } from './conversation-fixtures'

interface Download {
  name: string
  type: string
  text: () => Promise<string>
}

const downloads: Download[] = []
const blobs = new Map<string, Blob>()

function keepDownloads(event: MouseEvent) {
  const target = event.target
  if (target instanceof HTMLAnchorElement && target.download) {
    event.preventDefault()
    const blob = blobs.get(target.href)
    if (blob) downloads.push({ name: target.download, type: blob.type, text: () => blob.text() })
  }
}

const jsdomUrl = {
  create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
  revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
}

beforeEach(() => {
  let n = 0
  URL.createObjectURL = (blob: Blob) => {
    n += 1
    const url = `blob:test/${String(n)}`
    blobs.set(url, blob)
    return url
  }
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url)
  }
  document.addEventListener('click', keepDownloads, true)
})

afterEach(() => {
  document.removeEventListener('click', keepDownloads, true)
  downloads.length = 0
  blobs.clear()
  // Put back what the environment had: a later file in this worker must not see the stubs.
  for (const [name, descriptor] of [
    ['createObjectURL', jsdomUrl.create],
    ['revokeObjectURL', jsdomUrl.revoke],
  ] as const) {
    if (descriptor) Object.defineProperty(URL, name, descriptor)
    else Reflect.deleteProperty(URL, name)
  }
  vi.restoreAllMocks()
})

test('Download Markdown saves the transcript: speaker, time with its zone, text and events', async () => {
  const user = userEvent.setup()
  useUtc()
  mockDetail([
    simpleRecord('md-1', [
      { from: 'consumer', at: 0, text: 'Hi, my bill is wrong\n# not a heading' },
      { from: 'agent', at: 30, text: 'Let me look' },
      { from: 'agent', at: 40, text: 'Checking the account', audience: 'AGENTS_AND_MANAGERS' },
    ]),
  ])
  await renderRoute('/conversations/md-1')
  await user.click(await screen.findByRole('button', { name: 'Download Markdown' }))

  expect(downloads.map((d) => [d.name, d.type])).toEqual([
    ['conversation-md-1.md', 'text/markdown'],
  ])
  const markdown = await downloads[0]?.text()
  expect(markdown).toMatch(/^# Conversation md-1\n/)
  expect(markdown).toContain('- Started: 2026-11-27 14:00:00 UTC')
  expect(markdown).toContain('- Latest agent: Alice Agent')
  expect(markdown).toContain(
    '**Carol Consumer** (consumer) — 2026-11-27 14:00:00 UTC\nHi, my bill is wrong  \n\\# not a heading',
  )
  expect(markdown).toContain('**Alice Agent** (agent) — 2026-11-27 14:00:30 UTC\nLet me look')
  expect(markdown).toContain('(agent, private note) — 2026-11-27 14:00:40 UTC')
  expect(markdown).toMatch(/\n> _.*Alice Agent.*_\n/)
})

test('Download JSON saves the raw record exactly as the API sent it', async () => {
  const user = userEvent.setup()
  const calls = mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}`)
  await user.click(await screen.findByRole('button', { name: 'Download JSON' }))
  await vi.waitFor(() => expect(downloads).toHaveLength(1))

  expect(calls.count).toBe(2)
  expect(downloads[0]?.name).toBe(`conversation-${SEED_ID}.json`)
  expect(downloads[0]?.type).toBe('application/json')
  const parsed: unknown = JSON.parse((await downloads[0]?.text()) ?? '')
  // The wire spellings survive: csatRate, the singular consumerParticipant, "undefined" strings.
  expect(parsed).toEqual(seed())
})

test('Print opens the browser print dialog', async () => {
  const user = userEvent.setup()
  const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}`)
  await user.click(await screen.findByRole('button', { name: 'Print' }))
  expect(print).toHaveBeenCalledTimes(1)
})

test('before printing, the whole transcript is laid out as a plain list', async () => {
  useUtc()
  mockDetail([
    simpleRecord('print-1', [
      { from: 'consumer', at: 0, text: 'First words' },
      { from: 'agent', at: 30, text: 'Last words' },
    ]),
  ])
  await renderRoute('/conversations/print-1')
  await screen.findByRole('heading', { level: 1, name: 'Conversation print-1' })
  const printable = () =>
    screen.queryByRole('region', { name: 'Printable transcript', hidden: true })
  expect(printable()).toBeNull()
  window.dispatchEvent(new Event('beforeprint'))
  const list = await vi.waitFor(() => {
    const found = printable()
    if (!found) throw new Error('not rendered yet')
    return found
  })
  expect(within(list).getByText('First words')).toBeInTheDocument()
  expect(within(list).getByText('Last words')).toBeInTheDocument()
  expect(list).toHaveTextContent('Carol Consumer (consumer) · 14:00:00')
})
