import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import type { User } from '@/domain/schema/auth'
import { apiError, buildUser, recordRequests, signedInAs } from '../auth/auth-api'
import { renderRoute } from '../render-route'
import { useSearchApi } from '../search/search-api'

const ada = buildUser({ id: 1, email: 'ada@example.com', name: 'Ada Admin', role: 'admin' })
const sam = buildUser({
  id: 2,
  email: 'sam@example.com',
  name: 'Sam <b>Supervisor</b>',
  role: 'supervisor',
  agentGroups: ['3', '4'],
  skills: ['12'],
  lastSignInAt: Date.UTC(2026, 2, 9, 8, 30, 0),
})
const abe = buildUser({
  id: 3,
  email: 'abe@example.com',
  name: 'Abe Agent',
  role: 'agent',
  agentId: 'agent-7',
  disabled: true,
})

/** Ada is signed in; `GET /api/users` answers the current list (changes show on the next read). */
function usersApi(initial: User[]) {
  let users = initial
  signedInAs(ada)
  const reads = recordRequests('get', '*/api/users', () => HttpResponse.json({ users }))
  return {
    reads,
    set: (next: User[]) => {
      users = next
    },
  }
}

const rowOf = (email: string) => {
  const cell = screen.getByRole('cell', { name: new RegExp(email) })
  const row = cell.closest('tr')
  if (!row) throw new Error(`no row for ${email}`)
  return row
}

test('the Users page lists every account with role, scope, status and last sign-in', async () => {
  window.localStorage.setItem('cv.timeZone', 'utc')
  useSearchApi()
  usersApi([ada, sam, abe])
  await renderRoute('/users')
  const table = await screen.findByRole('table', { name: 'Users' })
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent)
  expect(headers).toEqual(['Email', 'Name', 'Role', 'Scope', 'Status', 'Last sign-in', 'Actions'])
  const samRow = rowOf('sam@example.com')
  // A name is text, whatever it looks like.
  expect(within(samRow).getByText('Sam <b>Supervisor</b>')).toBeInTheDocument()
  expect(samRow.querySelector('b')).toBeNull()
  expect(samRow).toHaveTextContent('Supervisor')
  expect(samRow).toHaveTextContent('Agent groups 3, 4')
  expect(samRow).toHaveTextContent('Skills 12')
  expect(samRow).toHaveTextContent('Active')
  expect(samRow).toHaveTextContent('2026-03-09 08:30:00')
  const abeRow = rowOf('abe@example.com')
  expect(abeRow).toHaveTextContent('Agent ID agent-7')
  expect(abeRow).toHaveTextContent('Disabled')
  expect(abeRow).toHaveTextContent('Never')
  expect(within(abeRow).getByRole('button', { name: 'Enable abe@example.com' })).toBeEnabled()
})

test('Add user posts the form as the API takes it, and the list shows the new user', async () => {
  const user = userEvent.setup()
  useSearchApi()
  const api = usersApi([ada])
  const added = buildUser({ id: 9, email: 'new@example.com', name: 'New Person', role: 'agent' })
  const posts = recordRequests('post', '*/api/users', () => {
    api.set([ada, added])
    return HttpResponse.json({ user: added }, { status: 201 })
  })
  await renderRoute('/users')
  const form = await screen.findByRole('region', { name: 'Add user' })
  await user.type(within(form).getByLabelText('Email'), ' New@Example.com ')
  await user.type(within(form).getByLabelText('Name'), 'New Person')
  await user.selectOptions(within(form).getByLabelText('Role'), 'agent')
  expect(within(form).getByLabelText('Role')).toHaveAccessibleDescription(
    'Only conversations they took part in',
  )
  await user.type(within(form).getByLabelText('Password'), 'a long enough password')
  await user.type(within(form).getByLabelText('Agent ID'), 'agent-9')
  await user.type(within(form).getByLabelText('Agent groups'), '3, 4,, 5 ')
  await user.type(within(form).getByLabelText('Skills'), '12')
  await user.click(within(form).getByRole('button', { name: 'Add user' }))

  await waitFor(() => expect(posts).toHaveLength(1))
  expect(posts[0]?.body).toEqual({
    email: 'new@example.com',
    name: 'New Person',
    role: 'agent',
    password: 'a long enough password',
    agentId: 'agent-9',
    agentGroups: ['3', '4', '5'],
    skills: ['12'],
  })
  expect(await screen.findByRole('cell', { name: /new@example\.com/ })).toBeInTheDocument()
  expect(screen.getByText('Added new@example.com.')).toBeInTheDocument()
  // The form is empty again for the next one.
  expect(within(form).getByLabelText('Email')).toHaveValue('')
})

test('an email that exists already (409) is shown next to Email', async () => {
  const user = userEvent.setup()
  useSearchApi()
  usersApi([ada])
  recordRequests('post', '*/api/users', () =>
    apiError(409, 'email: a user with this email exists', 'email'),
  )
  await renderRoute('/users')
  const form = await screen.findByRole('region', { name: 'Add user' })
  await user.type(within(form).getByLabelText('Email'), 'ada@example.com')
  await user.type(within(form).getByLabelText('Password'), 'a long enough password')
  await user.click(within(form).getByRole('button', { name: 'Add user' }))
  const email = within(form).getByLabelText('Email')
  await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
  expect(email).toHaveAccessibleDescription('email: a user with this email exists')
  expect(email).toHaveFocus()
  expect(within(form).queryByRole('alert')).not.toBeInTheDocument()
})

test('a password the schema refuses is never sent; the message is beside Password', async () => {
  const user = userEvent.setup()
  useSearchApi()
  usersApi([ada])
  const posts = recordRequests('post', '*/api/users', () => apiError(500, 'not expected'))
  await renderRoute('/users')
  const form = await screen.findByRole('region', { name: 'Add user' })
  await user.type(within(form).getByLabelText('Email'), 'short@example.com')
  await user.type(within(form).getByLabelText('Password'), 'short')
  await user.click(within(form).getByRole('button', { name: 'Add user' }))
  await waitFor(() =>
    expect(within(form).getByLabelText('Password')).toHaveAccessibleDescription(
      '10 characters or more at least 10 characters',
    ),
  )
  expect(posts).toHaveLength(0)
})

test('Disable sends {disabled: true} and the list refreshes', async () => {
  const user = userEvent.setup()
  useSearchApi()
  const api = usersApi([ada, sam])
  const patches = recordRequests('patch', '*/api/users/:id', () => {
    const changed = { ...sam, disabled: true }
    api.set([ada, changed])
    return HttpResponse.json({ user: changed })
  })
  await renderRoute('/users')
  await screen.findByRole('table', { name: 'Users' })
  await user.click(within(rowOf('sam@example.com')).getByRole('button', { name: /^Disable/ }))
  await waitFor(() => expect(patches).toHaveLength(1))
  expect(patches[0]).toMatchObject({ path: '/api/users/2', body: { disabled: true } })
  await waitFor(() => expect(rowOf('sam@example.com')).toHaveTextContent('Disabled'))
  expect(screen.getByText('sam@example.com is disabled.')).toBeInTheDocument()
  expect(api.reads.length).toBeGreaterThanOrEqual(2)
})

test('Edit changes role and scope through PATCH, in a dialog', async () => {
  const user = userEvent.setup()
  useSearchApi()
  const api = usersApi([ada, sam])
  const patches = recordRequests('patch', '*/api/users/:id', () => {
    const changed = buildUser({ ...sam, role: 'reviewer', agentGroups: [], skills: ['12', '13'] })
    api.set([ada, changed])
    return HttpResponse.json({ user: changed })
  })
  await renderRoute('/users')
  await screen.findByRole('table', { name: 'Users' })
  await user.click(within(rowOf('sam@example.com')).getByRole('button', { name: /^Edit/ }))
  const dialog = screen.getByRole('dialog', { name: 'Edit sam@example.com' })
  expect(within(dialog).getByLabelText('Role')).toHaveValue('supervisor')
  expect(within(dialog).getByLabelText('Agent groups')).toHaveValue('3, 4')
  await user.selectOptions(within(dialog).getByLabelText('Role'), 'reviewer')
  await user.clear(within(dialog).getByLabelText('Agent groups'))
  await user.clear(within(dialog).getByLabelText('Skills'))
  await user.type(within(dialog).getByLabelText('Skills'), '12, 13')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(patches).toHaveLength(1))
  expect(patches[0]).toMatchObject({
    path: '/api/users/2',
    body: {
      name: 'Sam <b>Supervisor</b>',
      role: 'reviewer',
      agentId: null,
      agentGroups: [],
      skills: ['12', '13'],
    },
  })
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  await waitFor(() => expect(rowOf('sam@example.com')).toHaveTextContent('Reviewer'))
})

test('Reset password asks for the new one and posts it to that user’s password', async () => {
  const user = userEvent.setup()
  useSearchApi()
  usersApi([ada, sam])
  const posts = recordRequests(
    'post',
    '*/api/users/:id/password',
    () => new HttpResponse(null, { status: 204 }),
  )
  await renderRoute('/users')
  await screen.findByRole('table', { name: 'Users' })
  await user.click(
    within(rowOf('sam@example.com')).getByRole('button', { name: /^Reset password/ }),
  )
  const dialog = screen.getByRole('dialog', { name: 'Reset the password of sam@example.com' })
  await user.type(within(dialog).getByLabelText('New password'), 'another long password')
  await user.click(within(dialog).getByRole('button', { name: 'Set password' }))
  await waitFor(() => expect(posts).toHaveLength(1))
  expect(posts[0]).toMatchObject({
    path: '/api/users/2/password',
    body: { password: 'another long password' },
  })
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(
    await screen.findByText(
      'The password of sam@example.com is changed; their sessions have ended.',
    ),
  ).toBeInTheDocument()
})

test('someone who is not an admin is told who may manage users', async () => {
  useSearchApi()
  signedInAs(sam)
  recordRequests('get', '*/api/users', () => apiError(403, 'Only admins can do that'))
  await renderRoute('/users')
  expect(await screen.findByRole('alert')).toHaveTextContent('Only admins can manage users.')
  expect(screen.queryByRole('table', { name: 'Users' })).not.toBeInTheDocument()
})
