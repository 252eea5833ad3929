import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { server } from '../msw-server'
import { renderRoute } from '../render-route'
import { useSearchApi } from '../search/search-api'
import { apiError, buildUser, recordRequests, signedInAs, serveSession } from './auth-api'

const ada = buildUser({ email: 'ada@example.com', name: 'Ada Admin' })

/** A server with sign-in, no one signed in; `/api/config` refuses until someone is. */
function signedOut({ sso = false }: { sso?: boolean } = {}) {
  serveSession({ mode: 'sign-in', sso })
  server.use(http.get('*/api/config', () => apiError(401, 'Sign in first')))
}

/** `POST /api/session` accepts Ada's password and then says she is signed in. */
function acceptAda() {
  return recordRequests('post', '*/api/session', (request) => {
    const body = request.body as { email?: string; password?: string } | undefined
    if (body?.email !== 'ada@example.com' || body.password !== 'correct horse battery') {
      return apiError(401, 'Email or password is wrong')
    }
    // From now on the server knows her.
    signedInAs(ada)
    useSearchApi()
    return HttpResponse.json({ mode: 'sign-in', sso: false, user: ada })
  })
}

async function signIn(email: string, password: string) {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText('Email'), email)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

test('the sign-in page asks for an email and a password, and offers no SSO the server lacks', async () => {
  signedOut()
  await renderRoute('/sign-in')
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument()
  expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email')
  expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password')
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  expect(screen.queryByRole('link', { name: 'Sign in with SSO' })).not.toBeInTheDocument()
  // The header shows the product, no user menu and no local-mode badge.
  expect(screen.getByRole('link', { name: 'Conversation Viewer' })).toBeInTheDocument()
  expect(screen.queryByText('Local mode: no sign-in')).not.toBeInTheDocument()
})

test('with SSO the page links to the identity provider, carrying where to go afterwards', async () => {
  signedOut({ sso: true })
  await renderRoute('/sign-in?next=%2Fconversations%3Fstatus%3DOPEN')
  expect(await screen.findByRole('link', { name: 'Sign in with SSO' })).toHaveAttribute(
    'href',
    '/api/sso/start?next=%2Fconversations%3Fstatus%3DOPEN',
  )
})

test('a wrong password shows the server’s message and stays on the page', async () => {
  signedOut()
  const calls = acceptAda()
  const { router } = await renderRoute('/sign-in')
  await signIn('Ada@Example.com ', 'wrong password')
  expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is wrong')
  expect(calls.map((call) => call.body)).toEqual([
    { email: 'ada@example.com', password: 'wrong password' },
  ])
  expect(router.state.location.pathname).toBe('/sign-in')
  expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')
})

test('too many attempts: the server’s wait is shown', async () => {
  signedOut()
  server.use(
    http.post('*/api/session', () => apiError(429, 'Too many sign-in attempts: try again in 42 s')),
  )
  await renderRoute('/sign-in')
  await signIn('ada@example.com', 'whatever it is')
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Too many sign-in attempts: try again in 42 s',
  )
})

test('signed in, the user lands on `next` exactly: path, search and hash', async () => {
  signedOut()
  acceptAda()
  const next = '/conversations?status=CLOSE&q=late#results'
  const { router } = await renderRoute(`/sign-in?next=${encodeURIComponent(next)}`)
  await signIn('ada@example.com', 'correct horse battery')
  await waitFor(() => expect(router.state.location.href).toBe(next))
  expect(
    await screen.findByRole('heading', { name: 'Conversations', level: 1 }),
  ).toBeInTheDocument()
  // The header now knows who is signed in.
  expect(await screen.findByRole('button', { name: /Ada Admin/ })).toBeInTheDocument()
})

test.each([
  '//evil.example/steal',
  '/\\evil.example',
  'https://evil.example/',
  '/\t/evil.example',
  'javascript:alert(1)',
])('a `next` of %j is not followed: the user lands on the conversations', async (hostile) => {
  signedOut()
  acceptAda()
  const { router } = await renderRoute(`/sign-in?next=${encodeURIComponent(hostile)}`)
  await signIn('ada@example.com', 'correct horse battery')
  await waitFor(() => expect(router.state.location.pathname).toBe('/conversations'))
  expect(router.state.location.href).toBe('/conversations')
})

test('someone signed in already goes straight on to `next`', async () => {
  signedInAs(ada)
  useSearchApi()
  const { router } = await renderRoute('/sign-in?next=%2Fconversations%3Fstatus%3DOPEN')
  await waitFor(() => expect(router.state.location.href).toBe('/conversations?status=OPEN'))
})

test('a server without sign-in (local mode) sends the sign-in page on as well', async () => {
  useSearchApi()
  const { router } = await renderRoute('/sign-in')
  await waitFor(() => expect(router.state.location.pathname).toBe('/conversations'))
  expect(await screen.findByText('Local mode: no sign-in')).toBeInTheDocument()
})
