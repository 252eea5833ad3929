import { File as NodeFile } from 'node:buffer'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { buildRecord, useSearchApi } from './search-api'

interface Upload {
  fileName: string | null
  contentType: string | null
  body: string
}

type Job = Record<string, unknown>

function job(fields: Job): Job {
  return {
    id: '6f1c2a4e-0000-4000-8000-000000000001',
    fileName: 'export.ndjson',
    status: 'importing',
    startedAt: '2026-12-03T10:00:00.000Z',
    finishedAt: null,
    bytesReceived: 32,
    bytesTotal: 32,
    progress: null,
    imported: 0,
    inserted: 0,
    updated: 0,
    problems: [],
    warnings: [],
    warningCount: 0,
    message: 'Importing export.ndjson…',
    ...fields,
  }
}

/** The server: accepts the upload with 202, then answers each poll with the next state. */
function importServer(states: Job[]): { uploads: Upload[]; polls: () => number } {
  const uploads: Upload[] = []
  let polls = 0
  server.use(
    http.post('*/api/import', async ({ request }) => {
      uploads.push({
        fileName: new URL(request.url).searchParams.get('filename'),
        contentType: request.headers.get('content-type'),
        body: await request.text(),
      })
      return HttpResponse.json(job({}), {
        status: 202,
        headers: { location: `/api/imports/${String(job({}).id)}` },
      })
    }),
    http.get('*/api/imports/:id', () => {
      const state = states[Math.min(polls, states.length - 1)] ?? job({})
      polls += 1
      return HttpResponse.json(state)
    }),
  )
  return { uploads, polls: () => polls }
}

test('in archive mode, an export file is uploaded, its import progress shows, then the result; the list reloads', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  const { uploads } = importServer([
    job({
      progress: {
        bytesRead: 16,
        bytesTotal: 32,
        recordsRead: 1200,
        recordsWritten: 1000,
        problemCount: 0,
      },
    }),
    job({
      status: 'done',
      imported: 3,
      inserted: 2,
      updated: 1,
      message: 'imported 3 conversations (2 new, 1 updated)',
    }),
  ])
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Carol Consumer/ })
  const before = calls.length

  // Node's File, which Node's fetch can send as a body (jsdom's File is a stranger to it).
  const file = new NodeFile(['{"info":{"conversationId":"x"}}\n'], 'export.ndjson')
  await user.upload(screen.getByLabelText('Import export file'), file as unknown as File)

  // While the server imports, a progress bar and the records so far.
  const bar = await screen.findByRole('progressbar', { name: 'Importing export.ndjson' })
  expect(bar).toHaveAttribute('aria-valuenow', '50')
  expect(
    screen.getByText('Importing export.ndjson: 1,200 records read, 1,000 written'),
  ).toBeVisible()

  expect(
    await screen.findByText('Imported 3 conversations (2 new, 1 updated).', {}, { timeout: 3000 }),
  ).toBeVisible()
  expect(screen.queryByRole('progressbar')).toBeNull()
  expect(uploads).toEqual([
    {
      fileName: 'export.ndjson',
      contentType: 'application/x-ndjson',
      body: '{"info":{"conversationId":"x"}}\n',
    },
  ])
  await waitFor(() => expect(calls.length).toBeGreaterThan(before))
})

test('a file with problems shows the exact places, and nothing is imported', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: [] })
  importServer([
    job({
      fileName: 'broken.json',
      status: 'failed',
      message: 'broken.json was not imported: 2 problems',
      problems: [
        'broken.json:3:14: expected "," or "}" after a property value',
        'broken.json:9:1: record has no info.conversationId',
      ],
    }),
  ])
  await renderRoute('/conversations')
  await screen.findByText('No conversations match these filters')

  await user.upload(
    screen.getByLabelText('Import export file'),
    new File(['{"a": 1 "b"}'], 'broken.json', { type: 'application/json' }),
  )

  expect(await screen.findByText('broken.json was not imported: 2 problems')).toBeVisible()
  expect(
    screen.getByText('broken.json:3:14: expected "," or "}" after a property value'),
  ).toBeVisible()
  expect(screen.getByText('broken.json:9:1: record has no info.conversationId')).toBeVisible()
})

test('a second import while one runs is refused with the running one named', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: [] })
  server.use(
    http.post('*/api/import', () =>
      HttpResponse.json(
        {
          error: {
            status: 409,
            message:
              'Not imported: another import is running (started 12:03 by the CLI: big.ndjson). Try again when it has finished.',
          },
        },
        { status: 409 },
      ),
    ),
  )
  await renderRoute('/conversations')
  await screen.findByText('No conversations match these filters')
  await user.upload(
    screen.getByLabelText('Import export file'),
    new File(['[]'], 'second.json', { type: 'application/json' }),
  )
  expect(
    await screen.findByText(/another import is running \(started 12:03 by the CLI/),
  ).toBeVisible()
  // The button is usable again.
  expect(screen.getByLabelText('Import export file')).toBeEnabled()
})

test('in live proxy mode there is no import', async () => {
  useSearchApi({ mode: 'proxy', records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  expect(screen.getByText('Live (LivePerson proxy)')).toBeInTheDocument()
  expect(screen.queryByLabelText('Import export file')).toBeNull()
})
