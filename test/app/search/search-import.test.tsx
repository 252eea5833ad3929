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

function importHandler(answer: (upload: Upload) => Response): Upload[] {
  const uploads: Upload[] = []
  server.use(
    http.post('*/api/import', async ({ request }) => {
      const upload = {
        fileName: new URL(request.url).searchParams.get('filename'),
        contentType: request.headers.get('content-type'),
        body: await request.text(),
      }
      uploads.push(upload)
      return answer(upload)
    }),
  )
  return uploads
}

test('in archive mode, an export file is uploaded and the result is shown; the list reloads', async () => {
  const user = userEvent.setup()
  const calls = useSearchApi({ records: [buildRecord({ id: 'conv-1' })] })
  const uploads = importHandler(() =>
    HttpResponse.json({
      imported: 3,
      inserted: 2,
      updated: 1,
      message: 'imported 3 conversations (2 new, 1 updated)',
      warnings: [],
    }),
  )
  await renderRoute('/conversations')
  await screen.findByRole('link', { name: /Carol Consumer/ })
  const before = calls.length

  // Node's File, which Node's fetch can send as a body (jsdom's File is a stranger to it).
  const file = new NodeFile(['{"info":{"conversationId":"x"}}\n'], 'export.ndjson')
  await user.upload(screen.getByLabelText('Import export file'), file as unknown as File)

  expect(await screen.findByText('Imported 3 conversations (2 new, 1 updated).')).toBeVisible()
  expect(uploads).toEqual([
    {
      fileName: 'export.ndjson',
      contentType: 'application/x-ndjson',
      body: '{"info":{"conversationId":"x"}}\n',
    },
  ])
  await waitFor(() => expect(calls.length).toBeGreaterThan(before))
})

test('a file with a problem shows the exact place, and nothing is imported', async () => {
  const user = userEvent.setup()
  useSearchApi({ records: [] })
  importHandler(() =>
    HttpResponse.json(
      {
        error: {
          status: 400,
          message: 'broken.json was not imported: 2 problems',
          field: 'body',
          details: [
            'broken.json:3:14: expected "," or "}" after a property value',
            'broken.json:9:1: record has no info.conversationId',
          ],
        },
      },
      { status: 400 },
    ),
  )
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

test('in live proxy mode there is no import', async () => {
  useSearchApi({ mode: 'proxy', records: [buildRecord({ id: 'conv-1' })] })
  await renderRoute('/conversations')

  await screen.findByRole('link', { name: /Carol Consumer/ })
  expect(screen.getByText('Live (LivePerson proxy)')).toBeInTheDocument()
  expect(screen.queryByLabelText('Import export file')).toBeNull()
})
