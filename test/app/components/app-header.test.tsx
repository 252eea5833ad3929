import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { buildUser, recordRequests, signedInAs, serveSession } from '../auth/auth-api'
import { renderRoute } from '../render-route'
import { useSearchApi } from '../search/search-api'

const ada = buildUser({ email: 'ada@example.com', name: 'Ada Admin', role: 'admin' })
const rita = buildUser({ email: 'rita@example.com', name: 'Rita Reviewer', role: 'reviewer' })

test('a server without sign-in says so in the header, with no user menu', async () => {
  useSearchApi()
  await renderRoute('/conversations')
  expect(await screen.findByText('Local mode: no sign-in')).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /Sign out/ })).not.toBeInTheDocument()
  expect(screen.queryByRole('link', { name: 'Users' })).not.toBeInTheDocument()
})

test('signed in: the user menu shows who, their role, and signs out', async () => {
  const user = userEvent.setup()
  useSearchApi()
  signedInAs(ada)
  const signOuts = recordRequests('delete', '*/api/session', () => {
    serveSession({ mode: 'sign-in', sso: false })
    return new HttpResponse(null, { status: 204 })
  })
  const { router } = await renderRoute('/conversations')
  const menuButton = await screen.findByRole('button', { name: 'Ada Admin' })
  expect(screen.queryByText('Local mode: no sign-in')).not.toBeInTheDocument()
  expect(menuButton).toHaveAttribute('aria-expanded', 'false')

  await user.click(menuButton)
  expect(menuButton).toHaveAttribute('aria-expanded', 'true')
  const panel = document.getElementById(menuButton.getAttribute('aria-controls') ?? '')
  if (!panel) throw new Error('the button controls no panel')
  expect(within(panel).getByText('ada@example.com')).toBeInTheDocument()
  expect(within(panel).getByText('admin')).toBeInTheDocument()

  // Escape closes it and focus goes back to the button; the keyboard opens it again.
  await user.keyboard('{Escape}')
  expect(menuButton).toHaveAttribute('aria-expanded', 'false')
  expect(menuButton).toHaveFocus()
  await user.keyboard('{Enter}')
  expect(menuButton).toHaveAttribute('aria-expanded', 'true')
  await user.tab()
  const signOut = screen.getByRole('button', { name: 'Sign out' })
  expect(signOut).toHaveFocus()
  await user.keyboard('{Enter}')

  await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
  expect(signOuts).toHaveLength(1)
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Ada Admin' })).not.toBeInTheDocument()
})

test('an admin has Users and Audit in the header; a reviewer does not', async () => {
  useSearchApi()
  signedInAs(ada)
  const { unmount } = await renderRoute('/conversations')
  const nav = await screen.findByRole('navigation', { name: 'Administration' })
  expect(within(nav).getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/users')
  expect(within(nav).getByRole('link', { name: 'Audit' })).toHaveAttribute('href', '/audit')
  unmount()

  signedInAs(rita)
  await renderRoute('/conversations')
  expect(await screen.findByRole('button', { name: 'Rita Reviewer' })).toBeInTheDocument()
  expect(screen.queryByRole('navigation', { name: 'Administration' })).not.toBeInTheDocument()
})
