import { render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { server } from './msw-server'
import { takeProblems } from './test-guards'

// setup.ts fails any app test that leaves problems behind; these tests take them to show what is
// caught, so they pass only because they looked.

test('a request no handler answers is a problem, and it never reaches a server', async () => {
  server.use(
    http.get('http://localhost/api/config', () =>
      HttpResponse.json({ accountId: '1', mode: 'archive' }),
    ),
  )
  await expect(fetch('http://localhost/api/config')).resolves.toHaveProperty('status', 200)
  // MSW answers for us (500, "Unhandled Exception"): the request never goes out.
  const unhandled = await fetch('http://localhost/api/facets')
  expect(unhandled.status).toBe(500)
  expect(takeProblems()).toContainEqual('unhandled request: GET http://localhost/api/facets')
})

test("React's warnings are problems: a list without keys", () => {
  function List() {
    return (
      <ul>
        {['a', 'b'].map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    )
  }
  render(<List />)
  expect(screen.getAllByRole('listitem')).toHaveLength(2)
  const problems = takeProblems()
  expect(problems.some((p) => p.startsWith('console.error:') && p.includes('unique "key"'))).toBe(
    true,
  )
})

test('a test without problems leaves none', () => {
  render(<p>fine</p>)
  expect(takeProblems()).toEqual([])
})
