import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'

/**
 * What every page asks whichever test it is in: the header asks how this server signs people in
 * (here: it does not, local mode), and an export tells the audit trail about itself. A test that
 * cares answers them its own way with `server.use(...)`.
 */
const everyPage = [
  http.get('*/api/session', () => HttpResponse.json({ mode: 'local', sso: false })),
  http.post('*/api/audit/events', () => new HttpResponse(null, { status: 204 })),
]

/** One MSW server for every app test; tests add handlers with `server.use(...)`. */
export const server = setupServer(...everyPage)
