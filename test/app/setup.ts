import '@testing-library/jest-dom/vitest'
import { format } from 'node:util'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { server } from './msw-server'
import { reportProblem, takeProblems } from './test-guards'

const consoleError = console.error.bind(console)

// findBy… and waitFor wait for what the page shows; on a loaded machine that can take seconds.
configure({ asyncUtilTimeout: 10_000 })

beforeAll(() => {
  server.listen({
    onUnhandledRequest: (request) => {
      const problem = `unhandled request: ${request.method} ${request.url}`
      reportProblem(problem)
      // Thrown, the request fails as the page would see a network error; it never goes out.
      throw new Error(problem)
    },
  })
})
beforeEach(() => {
  takeProblems()
  console.error = (...args: unknown[]) => {
    consoleError(...args)
    reportProblem(`console.error: ${format(...args)}`)
  }
})
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.localStorage.clear()
  window.sessionStorage.clear()
  console.error = consoleError
  const problems = takeProblems()
  if (problems.length > 0) {
    throw new Error(
      `The test passed its assertions, but:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
  }
})
afterAll(() => {
  server.close()
})

window.scrollTo = () => undefined
Element.prototype.scrollIntoView = function scrollIntoView() {}
