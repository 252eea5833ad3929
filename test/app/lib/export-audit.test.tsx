import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { apiError, recordRequests, type Recorded } from '../auth/auth-api'
import { mockDetail, SEED_ID, seed } from '../conversation/conversation-fixtures'
import { renderRoute } from '../render-route'
import { manyRecords, useSearchApi } from '../search/search-api'

/** The file names the page saved (jsdom cannot follow a blob: link, so the click is kept). */
const saved: string[] = []

function keepDownloads(event: MouseEvent) {
  const target = event.target
  if (target instanceof HTMLAnchorElement && target.download) {
    event.preventDefault()
    saved.push(target.download)
  }
}

const jsdomUrl = {
  create: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
  revoke: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
}

beforeEach(() => {
  URL.createObjectURL = () => 'blob:test/1'
  URL.revokeObjectURL = () => undefined
  document.addEventListener('click', keepDownloads, true)
})

afterEach(() => {
  document.removeEventListener('click', keepDownloads, true)
  saved.length = 0
  for (const [name, descriptor] of [
    ['createObjectURL', jsdomUrl.create],
    ['revokeObjectURL', jsdomUrl.revoke],
  ] as const) {
    if (descriptor) Object.defineProperty(URL, name, descriptor)
    else Reflect.deleteProperty(URL, name)
  }
  vi.restoreAllMocks()
})

const reports = (): Recorded[] =>
  recordRequests('post', '*/api/audit/events', () => new Response(null, { status: 204 }))

test('Export CSV tells the audit trail how many search results it saved', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: manyRecords(130) })
  const events = reports()
  await renderRoute('/conversations')
  await user.click(await screen.findByRole('button', { name: 'Export CSV' }))
  expect(await screen.findByText('Exported 130 conversations.')).toBeInTheDocument()
  await waitFor(() => expect(events).toHaveLength(1))
  expect(events[0]?.body).toEqual({
    action: 'export',
    target: 'search',
    detail: { format: 'csv', rows: 130, what: 'search-results' },
  })
})

test('Download JSON and Download Markdown report the conversation they saved', async () => {
  const user = userEvent.setup()
  mockDetail([seed()])
  const events = reports()
  await renderRoute(`/conversations/${SEED_ID}`)
  await user.click(await screen.findByRole('button', { name: 'Download JSON' }))
  await waitFor(() => expect(events).toHaveLength(1))
  await user.click(screen.getByRole('button', { name: 'Download Markdown' }))
  await waitFor(() => expect(events).toHaveLength(2))
  expect(events.map((event) => event.body)).toEqual([
    {
      action: 'export',
      target: SEED_ID,
      detail: { format: 'json', rows: 1, what: 'conversation' },
    },
    {
      action: 'export',
      target: SEED_ID,
      detail: { format: 'markdown', rows: 1, what: 'conversation' },
    },
  ])
  expect(saved).toEqual([`conversation-${SEED_ID}.json`, `conversation-${SEED_ID}.md`])
})

test('an audit trail that refuses the report changes nothing for the export', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: manyRecords(3) })
  const events = recordRequests('post', '*/api/audit/events', () =>
    apiError(503, 'The audit trail is unavailable'),
  )
  await renderRoute('/conversations')
  await user.click(await screen.findByRole('button', { name: 'Export CSV' }))
  expect(await screen.findByText('Exported 3 conversations.')).toBeInTheDocument()
  await waitFor(() => expect(events).toHaveLength(1))
  expect(saved).toHaveLength(1)
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
})
