import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse } from 'msw'
import { beforeEach, expect, test } from 'vitest'
import type { AuditEntry } from '@/domain/schema/auth'
import { apiError, buildEntry, buildUser, recordRequests, signedInAs } from '../auth/auth-api'
import { renderRoute } from '../render-route'
import { useSearchApi } from '../search/search-api'

const ada = buildUser({ email: 'ada@example.com', name: 'Ada Admin', role: 'admin' })

beforeEach(() => {
  window.localStorage.setItem('cv.timeZone', 'utc')
})

/** Ada is signed in; `GET /api/audit` answers `count` matches, the page the request asks for. */
function auditApi(entries: AuditEntry[], count = entries.length) {
  signedInAs(ada)
  return recordRequests('get', '*/api/audit', (request) => {
    const offset = Number(request.search.get('offset'))
    const limit = Number(request.search.get('limit'))
    return HttpResponse.json({ count, entries: entries.slice(offset, offset + limit) })
  })
}

const manyEntries = (n: number) =>
  Array.from({ length: n }, (_, index) =>
    buildEntry({ at: Date.UTC(2026, 2, 1) + index * 60_000, target: `conv-${String(index + 1)}` }),
  )

test('each entry shows when, who, what, on what, the detail as text, and where from', async () => {
  useSearchApi()
  auditApi([
    buildEntry({
      at: Date.UTC(2026, 2, 9, 8, 30, 0),
      actor: 'ada@example.com',
      action: 'export',
      target: 'search',
      detail: { format: 'csv', rows: 230, what: 'search-results' },
      ip: '10.0.0.7',
      userAgent: 'Mozilla/5.0 <script>alert(1)</script>',
    }),
    buildEntry({
      action: 'user-changed',
      target: 'sam@example.com',
      detail: { role: 'reviewer', skills: ['12', '13'], note: '<img src=x onerror=alert(1)>' },
    }),
    buildEntry({ actor: null, action: 'import', detail: null }),
  ])
  await renderRoute('/audit')
  const table = await screen.findByRole('table', { name: 'Audit entries' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((header) => header.textContent),
  ).toEqual(['Time', 'Actor', 'Action', 'Target', 'Detail', 'Address', 'Browser'])
  const rows = within(table).getAllByRole('row').slice(1)
  expect(rows[0]).toHaveTextContent('2026-03-09 08:30:00')
  expect(
    within(rows[0] as HTMLElement).getByText('format: csv; rows: 230; what: search-results'),
  ).toBeInTheDocument()
  expect(rows[0]).toHaveTextContent('10.0.0.7')
  expect(rows[0]).toHaveTextContent('Mozilla/5.0 <script>alert(1)</script>')
  expect(rows[1]).toHaveTextContent(
    'role: reviewer; skills: 12, 13; note: <img src=x onerror=alert(1)>',
  )
  // Untrusted text stays text.
  expect(table.querySelector('script, img')).toBeNull()
  expect(rows[2]).toHaveTextContent('server')
  expect(screen.getByText('3 entries')).toBeInTheDocument()
})

test('filters go to the address, to the API request and to the CSV link', async () => {
  const user = userEvent.setup()
  useSearchApi()
  const calls = auditApi([buildEntry()])
  const { router } = await renderRoute('/audit')
  await screen.findByRole('table', { name: 'Audit entries' })
  expect(calls.at(-1)?.search.toString()).toBe('offset=0&limit=50')
  expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute(
    'href',
    '/api/audit.csv',
  )

  const filters = screen.getByRole('search', { name: 'Audit filters' })
  await user.type(within(filters).getByLabelText('Actor'), 'Ada@Example.com')
  await user.selectOptions(within(filters).getByLabelText('Action'), 'export')
  await user.type(within(filters).getByLabelText('From'), '2026-03-01T08:00')
  await user.type(within(filters).getByLabelText('To'), '2026-03-02T17:30')
  await user.click(within(filters).getByRole('button', { name: 'Apply filters' }))

  const from = String(Date.UTC(2026, 2, 1, 8, 0))
  const to = String(Date.UTC(2026, 2, 2, 17, 30, 59, 999))
  await waitFor(() =>
    expect(router.state.location.search).toEqual({
      actor: 'Ada@Example.com',
      action: 'export',
      from,
      to,
    }),
  )
  await waitFor(() =>
    expect(Object.fromEntries(calls.at(-1)?.search ?? [])).toEqual({
      actor: 'ada@example.com',
      action: 'export',
      from,
      to,
      offset: '0',
      limit: '50',
    }),
  )
  const csv = new URL(
    screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href') ?? '',
    'http://localhost',
  )
  expect(csv.pathname).toBe('/api/audit.csv')
  expect(Object.fromEntries(csv.searchParams)).toEqual({
    actor: 'ada@example.com',
    action: 'export',
    from,
    to,
  })
  expect(screen.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('download')
  // The inputs show what the address holds, in the chosen clock (a new form for a new address).
  const applied = screen.getByRole('search', { name: 'Audit filters' })
  expect(within(applied).getByLabelText('Actor')).toHaveValue('ada@example.com')
  expect(within(applied).getByLabelText('From')).toHaveValue('2026-03-01T08:00')
  expect(within(applied).getByLabelText('To')).toHaveValue('2026-03-02T17:30')
})

test('an address with filters opens with them, and a bad value counts as no filter', async () => {
  useSearchApi()
  const calls = auditApi([buildEntry()])
  await renderRoute('/audit?action=no-such-action&actor=ada%40example.com&limit=9999&from=soon')
  await screen.findByRole('table', { name: 'Audit entries' })
  expect(Object.fromEntries(calls.at(-1)?.search ?? [])).toEqual({
    actor: 'ada@example.com',
    offset: '0',
    limit: '50',
  })
  const filters = screen.getByRole('search', { name: 'Audit filters' })
  expect(within(filters).getByLabelText('Actor')).toHaveValue('ada@example.com')
  expect(within(filters).getByLabelText('Action')).toHaveValue('')
})

test('Next and Previous page through the entries, in the address and the request', async () => {
  const user = userEvent.setup()
  useSearchApi()
  const calls = auditApi(manyEntries(120))
  const { router } = await renderRoute('/audit?action=sign-in')
  expect(await screen.findByText('120 entries')).toBeInTheDocument()
  const pages = screen.getByRole('navigation', { name: 'Pages' })
  expect(pages).toHaveTextContent('1–50 of 120')
  expect(within(pages).getByRole('button', { name: /Previous/ })).toBeDisabled()

  await user.click(within(pages).getByRole('button', { name: /Next/ }))
  await waitFor(() => expect(pages).toHaveTextContent('51–100 of 120'))
  expect(router.state.location.search).toEqual({ action: 'sign-in', offset: '50' })
  expect(Object.fromEntries(calls.at(-1)?.search ?? [])).toEqual({
    action: 'sign-in',
    offset: '50',
    limit: '50',
  })
  expect(screen.getByRole('cell', { name: 'conv-51' })).toBeInTheDocument()

  await user.click(within(pages).getByRole('button', { name: /Next/ }))
  await waitFor(() => expect(pages).toHaveTextContent('101–120 of 120'))
  expect(within(pages).getByRole('button', { name: /Next/ })).toBeDisabled()

  await user.click(within(pages).getByRole('button', { name: /Previous/ }))
  await waitFor(() => expect(pages).toHaveTextContent('51–100 of 120'))
  await user.click(within(pages).getByRole('button', { name: /Previous/ }))
  await waitFor(() => expect(pages).toHaveTextContent('1–50 of 120'))
  expect(router.state.location.search).toEqual({ action: 'sign-in' })
})

test('someone who is not an admin is told who may read the audit trail', async () => {
  useSearchApi()
  signedInAs(buildUser({ role: 'supervisor' }))
  recordRequests('get', '*/api/audit', () => apiError(403, 'Only admins can do that'))
  await renderRoute('/audit')
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Only admins can read the audit trail.',
  )
})
