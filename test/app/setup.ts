import '@testing-library/jest-dom/vitest'
import { format } from 'node:util'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { server } from './msw-server'
import { reportProblem, takeProblems } from './test-guards'

const consoleError = console.error.bind(console)

// findBy… and waitFor wait for what the page shows; on a loaded machine that can take seconds.
configure({ asyncUtilTimeout: 10_000 })

function failWith(heading: string, problems: string[]): void {
  if (problems.length === 0) return
  throw new Error(`${heading}\n${problems.map((p) => `  - ${p}`).join('\n')}`)
}

beforeAll(() => {
  server.listen({
    onUnhandledRequest: (request) => {
      const problem = `unhandled request: ${request.method} ${request.url}`
      reportProblem(problem)
      // Thrown, MSW answers the page with a 500 of its own: the request never goes out.
      throw new Error(problem)
    },
  })
  // Installed for the whole file, so an error logged after a test's end is still seen.
  console.error = (...args: unknown[]) => {
    consoleError(...args)
    reportProblem(`console.error: ${format(...args)}`)
  }
})
beforeEach(() => {
  failWith('After the previous test had ended (a request or an update it left running):', [
    ...takeProblems(),
  ])
})
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.localStorage.clear()
  window.sessionStorage.clear()
  failWith('The test passed its assertions, but:', takeProblems())
})
afterAll(() => {
  server.close()
  console.error = consoleError
  failWith('After the last test of the file had ended:', takeProblems())
})

window.scrollTo = () => undefined
Element.prototype.scrollIntoView = function scrollIntoView() {}
