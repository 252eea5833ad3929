import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test } from 'vitest'
import { renderRoute } from '../render-route'
import { mockDetail, mockSearchPage, simpleRecord } from './conversation-fixtures'

const IDS = ['conv-a', 'conv-b', 'conv-c']

function records() {
  return IDS.map((id) => simpleRecord(id, [{ from: 'consumer', at: 0, text: `Hello from ${id}` }]))
}

function rememberSearch(value: unknown) {
  window.sessionStorage.setItem('cv.lastSearch', JSON.stringify(value))
}

afterEach(() => {
  window.sessionStorage.clear()
})

async function heading(id: string) {
  return screen.findByRole('heading', { level: 1, name: `Conversation ${id}` })
}

test('arriving from a search: position, previous and next links, and back to the results', async () => {
  rememberSearch({ search: '?status=CLOSE&page=2', ids: IDS, page: 2, pageSize: 3, count: 9 })
  mockDetail(records())
  await renderRoute('/conversations/conv-b')
  await heading('conv-b')
  const nav = screen.getByRole('navigation', { name: 'Search results' })
  expect(within(nav).getByText('Result 5 of 9')).toBeInTheDocument()
  expect(within(nav).getByRole('link', { name: 'Previous conversation' })).toHaveAttribute(
    'href',
    '/conversations/conv-a',
  )
  expect(within(nav).getByRole('link', { name: 'Next conversation' })).toHaveAttribute(
    'href',
    '/conversations/conv-c',
  )
  expect(within(nav).getByRole('link', { name: '← Back to results' })).toHaveAttribute(
    'href',
    '/conversations?status=CLOSE&page=2',
  )
})

test('the n and p keys move through the search; at a page edge they lead to the next page', async () => {
  const user = userEvent.setup()
  rememberSearch({ search: '?status=CLOSE', ids: IDS, page: 1, pageSize: 3, count: 5 })
  mockDetail(records())
  mockSearchPage()
  const { router } = await renderRoute('/conversations/conv-a')
  await heading('conv-a')
  const nav = screen.getByRole('navigation', { name: 'Search results' })
  expect(within(nav).queryByRole('link', { name: /Previous/ })).not.toBeInTheDocument()

  await user.keyboard('n')
  await heading('conv-b')
  expect(router.state.location.pathname).toBe('/conversations/conv-b')
  await user.keyboard('n')
  await heading('conv-c')
  await user.keyboard('p')
  await heading('conv-b')
  await user.keyboard('n')
  await heading('conv-c')

  // The last conversation of the page: next leads to page 2 of the same search.
  expect(screen.getByRole('link', { name: 'Next page of results' })).toHaveAttribute(
    'href',
    '/conversations?status=CLOSE&page=2',
  )
  await user.keyboard('n')
  await screen.findByRole('heading', { level: 1, name: 'Conversations' })
  expect(router.state.location.pathname).toBe('/conversations')
  expect(router.state.location.searchStr).toBe('?status=CLOSE&page=2')
})

test('keys typed into a field are not shortcuts', async () => {
  const user = userEvent.setup()
  rememberSearch({ search: '', ids: IDS, page: 1, pageSize: 3, count: 3 })
  mockDetail(records())
  const { router } = await renderRoute('/conversations/conv-a')
  await heading('conv-a')
  await user.keyboard('/')
  const find = screen.getByRole('searchbox', { name: /Find/ })
  expect(find).toHaveFocus()
  await user.keyboard('np')
  expect(find).toHaveValue('np')
  expect(router.state.location.pathname).toBe('/conversations/conv-a')
})

test('without a remembered search there is no previous/next, and n does nothing', async () => {
  const user = userEvent.setup()
  mockDetail(records())
  const { router } = await renderRoute('/conversations/conv-b')
  await heading('conv-b')
  expect(screen.queryByRole('link', { name: 'Next conversation' })).not.toBeInTheDocument()
  expect(screen.getByRole('link', { name: '← Conversation search' })).toHaveAttribute(
    'href',
    '/conversations',
  )
  await user.keyboard('n')
  expect(router.state.location.pathname).toBe('/conversations/conv-b')
})

test('a remembered search that is malformed is ignored', async () => {
  window.sessionStorage.setItem('cv.lastSearch', '{not json')
  mockDetail(records())
  await renderRoute('/conversations/conv-b')
  await heading('conv-b')
  expect(screen.getByRole('link', { name: '← Conversation search' })).toBeInTheDocument()
})

test('? shows the keyboard shortcuts; Escape closes them and focus returns', async () => {
  const user = userEvent.setup()
  mockDetail(records())
  await renderRoute('/conversations/conv-a')
  await heading('conv-a')
  await user.keyboard('?')
  const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
  expect(dialog).toHaveTextContent('Next conversation of the search')
  expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus()
  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveFocus()

  await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }))
  await user.click(screen.getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})
