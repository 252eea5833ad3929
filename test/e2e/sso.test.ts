import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startOidcProvider, type OidcProviderHandle } from '../server/oidc-provider'
import { launchBrowser, startServer, type RunningServer, waitForInteractive } from './support'

/**
 * Single sign-on in Debian Chromium (issue 12): `npm start` with OIDC_* pointing at a real
 * OpenID provider process on 127.0.0.1; a deep link asks for sign-in, "Sign in with SSO" goes to
 * the provider and back (authorization code + PKCE), and the reader lands on the deep link.
 */

const RESULTS = join(process.cwd(), 'test-results')
const CLIENT = { client_id: 'viewer-e2e', client_secret: 'e2e client secret 0123456789abcdef' }

let provider: OidcProviderHandle
let server: RunningServer
let browser: Browser

beforeAll(async () => {
  provider = await startOidcProvider()
  server = await startServer({
    demoConversations: 40,
    env: {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.client_id,
      OIDC_CLIENT_SECRET: CLIENT.client_secret,
      OIDC_ROLE_MAP: 'cv-admins=admin,cv-agents=agent',
    },
  })
  await provider.addClient({ ...CLIENT, redirect_uris: [`${server.url}/api/sso/callback`] })
  browser = await launchBrowser()
  mkdirSync(RESULTS, { recursive: true })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await provider?.stop()
})

test('a deep link, "Sign in with SSO", the provider, and back to the deep link as the provider says', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const link = '/conversations?range=30d&status=CLOSE'
  await page.goto(server.url + link)
  await waitForInteractive(page)
  await page.waitForURL(/\/sign-in\?next=/)
  await page
    .getByRole('link', { name: 'Sign in with SSO' })
    .or(page.getByRole('button', { name: 'Sign in with SSO' }))
    .click()

  // The provider's own pages: its login form, then its consent form.
  await page.waitForURL((url) => url.href.startsWith(provider.issuer))
  await page.locator('input[name=login]').fill('alice')
  await page.locator('input[name=password]').fill('anything')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Allow' }).click()

  await page.waitForURL((url) => url.origin === server.url && url.pathname === '/conversations')
  expect(new URL(page.url()).searchParams.get('status')).toBe('CLOSE')
  await page.getByRole('table').waitFor()
  await page.getByRole('button', { name: 'Alice Admin' }).waitFor()
  await page.screenshot({ path: join(RESULTS, 'sso-signed-in.png') })
  expect(errors).toEqual([])
  await context.close()
})
