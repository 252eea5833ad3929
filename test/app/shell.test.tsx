import { screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderRoute } from './render-route'
import { useSearchApi } from './search/search-api'

test('the root address redirects to the conversation search', async () => {
  useSearchApi()
  const { router } = await renderRoute('/')
  expect(
    await screen.findByRole('heading', { name: 'Conversations', level: 1 }),
  ).toBeInTheDocument()
  expect(router.state.location.pathname).toBe('/conversations')
})

test('an unknown address shows the not-found page with a way back', async () => {
  // The header still asks the server which account it shows.
  useSearchApi()
  await renderRoute('/no/such/page')
  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Go to the conversation search' })).toHaveAttribute(
    'href',
    '/conversations',
  )
})
