import { onTestFinished } from 'vitest'

/**
 * What makes an app test fail even when its assertions pass: a request that no MSW handler
 * answers (the page would have called a real server) and a `console.error` (React's warnings:
 * act(), keys, hydration, an error boundary that caught something). setup.ts installs them.
 */
const problems: string[] = []
const allowed: RegExp[] = []

/** Records a problem; the running test fails with it when it ends. */
export function reportProblem(problem: string): void {
  if (allowed.some((pattern) => pattern.test(problem))) return
  problems.push(problem)
}

/** The problems seen since the last call, cleared. */
export function takeProblems(): string[] {
  allowed.length = 0
  return problems.splice(0)
}

/**
 * For a test that provokes an error on purpose (a broken route, a failing request): the
 * console errors matching `pattern` do not fail it. Only for the test that calls it.
 */
export function allowConsoleError(pattern: RegExp): void {
  allowed.push(pattern)
  onTestFinished(() => {
    const index = allowed.indexOf(pattern)
    if (index >= 0) allowed.splice(index, 1)
  })
}
