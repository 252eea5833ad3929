import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { z } from 'zod'
import { requestJson, setUnauthorizedHandler } from '@/app/lib/http'
import type { SessionInfo } from '@/domain/schema/auth'
import { apiError, buildUser } from '../auth/auth-api'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { ACCOUNT, buildRecord, useSearchApi } from '../search/search-api'

const ada = buildUser({ email: 'ada@example.com', name: 'Ada Admin' })

/**
 * A server whose session for Ada has just ended: every API answers 401 until she signs in again
 * (then the search, the config and the conversation are there again).
 */
function expiredSession() {
  let session: SessionInfo = { mode: 'sign-in', sso: false, user: ada }
  let signedIn = false
  server.use(
    http.get('*/api/session', () => HttpResponse.json(session)),
    http.post('*/api/session', () => {
      signedIn = true
      session = { mode: 'sign-in', sso: false, user: ada }
      return HttpResponse.json(session)
    }),
    http.all('*', () => {
      if (signedIn) return undefined
      // The session the page still believes in is gone.
      session = { mode: 'sign-in', sso: false }
      return apiError(401, 'Sign in first')
    }),
  )
}

async function signInAgain() {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText('Email'), 'ada@example.com')
  await user.type(screen.getByLabelText('Password'), 'correct horse battery')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

test('a 401 from the search API sends the user to sign in, and back to the same address', async () => {
  useSearchApi()
  expiredSession()
  const url = '/conversations?status=CLOSE&q=late#results'
  const { router } = await renderRoute(url)
  await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
  expect(router.state.location.search).toEqual({ next: url })
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument()

  await signInAgain()
  await waitFor(() => expect(router.state.location.href).toBe(url))
  expect(
    await screen.findByRole('heading', { name: 'Conversations', level: 1 }),
  ).toBeInTheDocument()
})

test('a 401 while opening a conversation keeps its tab and message in `next`', async () => {
  useSearchApi({ details: [buildRecord({ id: 'conv-7' })] })
  expiredSession()
  const url = '/conversations/conv-7?msg=m-3&tab=transfers'
  const { router } = await renderRoute(url)
  await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
  expect(router.state.location.search).toEqual({ next: url })
  await signInAgain()
  await waitFor(() => expect(router.state.location.href).toBe(url))
  expect(await screen.findByRole('heading', { name: /conv-7/, level: 1 })).toBeInTheDocument()
})

test('every 401 calls the unauthorized handler, except where the caller expects one', async () => {
  const handler = vi.fn()
  setUnauthorizedHandler(handler)
  server.use(http.get('*/api/anything', () => apiError(401, 'Sign in first')))
  const url = `http://localhost/api/anything?account=${ACCOUNT}`
  await expect(requestJson(url, z.unknown())).rejects.toMatchObject({ status: 401 })
  expect(handler).toHaveBeenCalledTimes(1)
  await expect(requestJson(url, z.unknown(), { signInOn401: false })).rejects.toMatchObject({
    status: 401,
    message: 'Sign in first',
  })
  expect(handler).toHaveBeenCalledTimes(1)
})
