import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, startServer, type RunningServer, waitForInteractive } from './support'

/** `npm start` (the same entry point) serves the app shell at a deep link, and again on reload. */
const SEED_CONVERSATION = 'e5c58e49-e4a5-40a8-8a18-d6580d1d5630'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer({ demoConversations: 20 })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser.close()
  await server.stop()
})

describe('npm start', () => {
  it('prints its URL and seeds the demo data on first start', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.output()).toContain('Seeded 20 demo conversations')
    expect(server.output()).toContain(`Conversation Viewer: ${server.url}`)
  })

  it('serves the app shell at a conversation deep link, and after a reload', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const response = await page.goto(`${server.url}/conversations/${SEED_CONVERSATION}`)
    await waitForInteractive(page)
    expect(response?.status()).toBe(200)
    const banner = page.getByRole('banner')
    await banner.getByRole('link', { name: 'Conversation Viewer' }).waitFor()
    await page.getByRole('main').getByRole('heading').first().waitFor()

    await page.reload()
    await waitForInteractive(page)
    await banner.getByRole('link', { name: 'Conversation Viewer' }).waitFor()
    await page.getByRole('main').getByRole('heading').first().waitFor()
    expect(page.url()).toBe(`${server.url}/conversations/${SEED_CONVERSATION}`)
    expect(errors).toEqual([])
    await page.close()
  })

  it('paints the theme the app will use from the first frame, before the app itself runs', async () => {
    const cases = [
      { system: 'dark', saved: null, dark: true },
      { system: 'light', saved: null, dark: false },
      { system: 'dark', saved: 'light', dark: false },
      { system: 'light', saved: 'dark', dark: true },
    ] as const
    for (const { system, saved, dark } of cases) {
      const context = await browser.newContext({ colorScheme: system })
      if (saved) {
        await context.addInitScript((theme) => {
          window.localStorage.setItem('cv.theme', theme)
        }, saved)
      }
      const page = await context.newPage()
      // The app's code never loads: what shows is the page as it is before the app runs.
      await page.route('**/assets/*.js', (route) => route.abort())
      await page.goto(`${server.url}/conversations`)
      const painted = await page.evaluate(() => ({
        dark: document.documentElement.classList.contains('dark'),
        colorScheme: document.documentElement.style.colorScheme,
        background: getComputedStyle(document.body).backgroundColor,
        // The server's HTML is there (issue 14), but none of the app's code ran.
        serverRendered: document.getElementById('root')?.childElementCount !== 0,
        appRan: performance.getEntriesByName('cv:interactive').length > 0,
      }))
      // Lightness of the body's background (Tailwind 4 colours compute to oklch).
      const lightness = Number(/oklch\(([\d.]+)/.exec(painted.background)?.[1] ?? Number.NaN)
      expect({ system, saved, ...painted, darkBackground: lightness < 0.5 }).toEqual({
        system,
        saved,
        dark,
        colorScheme: dark ? 'dark' : 'light',
        background: painted.background,
        serverRendered: true,
        appRan: false,
        darkBackground: dark,
      })
      await context.close()
    }
  })

  it('answers API routes it does not know with JSON 404, not the app shell', async () => {
    const res = await fetch(`${server.url}/api/unknown`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(await res.json()).toMatchObject({ error: { status: 404 } })
  })
})
