import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Launches Debian Chromium headless, or fails with one line saying how to install it. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" or set CHROMIUM_PATH`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface RunningServer {
  url: string
  archivePath: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts the app exactly as `npm start` does (same entry point) on a free port, with a temp
 * archive seeded with `demoConversations` demo conversations. Resolves once it prints its URL.
 */
export async function startServer(
  options: { demoConversations?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'cv-e2e-'))
  const archivePath = join(dir, 'archive.db')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      ARCHIVE_PATH: archivePath,
      DEMO_CONVERSATIONS: String(options.demoConversations ?? 60),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 110_000)
    const onData = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(log)
      if (match) {
        clearTimeout(timer)
        resolve(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${String(code)}:\n${log}`))
    })
  })
  return {
    url,
    archivePath,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A page in a context of its own (its own cookies), with the page errors it throws collected. */
export async function pageWithErrors(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    bypassCSP: true,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  return { page, errors }
}

/** Signs in on the sign-in page the browser is on. */
export async function signInAs(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/**
 * Resolves once the app answers on the page the browser has loaded: a page the server rendered
 * (issue 14) shows before its scripts run, and a click before they have run does nothing.
 */
export async function waitForInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('cv:interactive').length > 0)
}

/**
 * A new 1440×900 page at `url`, once the app answers on it, with the page's errors (uncaught
 * exceptions and console errors) collected. It bypasses the app's Content-Security-Policy so that
 * an axe-core scan can inject its script.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: { colorScheme?: 'light' | 'dark'; acceptDownloads?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    bypassCSP: true,
    ...options,
  })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(url)
  await waitForInteractive(page)
  return { page, errors }
}
