import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { z } from 'zod'
import { openWorkspace } from '@/server/workspace/workspace'
import { axeViolations } from './axe'
import {
  launchBrowser,
  pageWithErrors,
  signInAs,
  startServer,
  type RunningServer,
  waitForInteractive,
} from './support'

/**
 * Sign-in in Debian Chromium against `npm start` with accounts in its workspace (issue 12): a
 * deep link asks for sign-in and lands where it pointed; sign-out; a session that ends mid-use
 * comes back to the same URL after signing in again; an agent sees only their conversations;
 * the Users and Audit pages, axe-clean.
 */

const RESULTS = join(process.cwd(), 'test-results')
const ADMIN = { email: 'ada@example.com', password: 'admin password 1', name: 'Ada Admin' }
const AGENT = { email: 'ken@example.com', password: 'agent password 1', agentId: '3711471010' }

let dir: string
let workspacePath: string
let server: RunningServer
let browser: Browser

const recordsSchema = z.object({
  conversationHistoryRecords: z.array(
    z.looseObject({
      info: z.looseObject({ conversationId: z.string(), latestAgentId: z.string().optional() }),
      agentParticipants: z.array(z.looseObject({ agentId: z.string().optional() })).optional(),
      messageRecords: z.array(z.looseObject({ messageId: z.string() })).optional(),
    }),
  ),
})

/** The demo conversations, read through the API as the admin (every route needs a session). */
async function demoRecords() {
  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const now = Date.now()
  const res = await fetch(
    `${server.url}/messaging_history/api/account/demo/conversations/search?limit=100`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ start: { from: now - 89 * 86_400_000, to: now + 86_400_000 } }),
    },
  )
  return recordsSchema.parse(await res.json()).conversationHistoryRecords
}

const tookPart = (record: z.infer<typeof recordsSchema>['conversationHistoryRecords'][number]) =>
  record.info.latestAgentId === AGENT.agentId ||
  (record.agentParticipants ?? []).some((p) => p.agentId === AGENT.agentId)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cv-e2e-auth-'))
  workspacePath = join(dir, 'workspace.db')
  const workspace = openWorkspace(workspacePath)
  await workspace.users.add({ ...ADMIN, role: 'admin', agentGroups: [], skills: [] })
  await workspace.users.add({ ...AGENT, role: 'agent', agentGroups: [], skills: [] })
  workspace.close()
  server = await startServer({ demoConversations: 80, env: { WORKSPACE_PATH: workspacePath } })
  browser = await launchBrowser()
  mkdirSync(RESULTS, { recursive: true })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const newPage = () => pageWithErrors(browser)

const signIn = signInAs

test('a deep link asks for sign-in, lands on the message it pointed to, and asks again after sign-out', async () => {
  const record = (await demoRecords()).find((r) => (r.messageRecords?.length ?? 0) > 4)
  if (!record) throw new Error('no demo conversation with messages')
  const message = record.messageRecords?.[3]?.messageId ?? ''
  const link = `/conversations/${record.info.conversationId}?msg=${encodeURIComponent(message)}`

  const { page, errors } = await newPage()
  await page.goto(server.url + link)
  await waitForInteractive(page)
  await page.waitForURL(/\/sign-in\?next=/)
  expect(new URL(page.url()).searchParams.get('next')).toBe(link)
  await page.getByLabel('Email').waitFor()
  await page.screenshot({ path: join(RESULTS, 'sign-in-page.png') })
  expect(await axeViolations(page)).toEqual([])

  await signIn(page, { email: ADMIN.email, password: 'wrong password!' })
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toContain('Email or password is wrong')
  await signIn(page, ADMIN)
  await page.waitForURL((url) => url.pathname === `/conversations/${record.info.conversationId}`)
  expect(new URL(page.url()).searchParams.get('msg')).toBe(message)
  await page.getByRole('list', { name: 'Transcript items' }).waitFor()
  await page.screenshot({ path: join(RESULTS, 'signed-in-conversation.png') })

  await page.getByRole('button', { name: ADMIN.name }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/sign-in/)
  await page.goto(server.url + link)
  await waitForInteractive(page)
  await page.waitForURL(/\/sign-in\?next=/)
  await page.getByLabel('Email').waitFor()
  expect(errors).toEqual([])
  await page.context().close()
})

test('a session that ends mid-use brings the reader to sign-in and back to the same URL', async () => {
  const { page } = await newPage()
  await page.goto(`${server.url}/conversations?range=30d&status=CLOSE`)
  await waitForInteractive(page)
  await signIn(page, ADMIN)
  await page.waitForURL((url) => url.pathname === '/conversations')
  // The list as signed in, settled: no request of the page is still on its way when the session
  // ends (one answered 401 would take the reader to sign-in before the click below).
  await page.locator('table[aria-busy="false"]').waitFor()
  await page.waitForLoadState('networkidle')
  const before = new URL(page.url())

  // The session ends on the server (as an idle timeout or an admin's change would do).
  const db = new Database(workspacePath)
  db.prepare('DELETE FROM sessions').run()
  db.close()

  // The next request the page makes answers 401: opening a conversation from the list (a
  // navigation inside the app, no page load) brings the reader to sign-in, then to it.
  const first = page.getByRole('table').getByRole('link').first()
  const href = (await first.getAttribute('href')) ?? ''
  expect(href).toMatch(/^\/conversations\//)
  await first.click()
  await page.waitForURL(/\/sign-in\?next=/)
  const next = new URL(page.url()).searchParams.get('next') ?? ''
  expect(next.split('?')[0]).toBe(href.split('?')[0])
  await signIn(page, ADMIN)
  await page.waitForURL((url) => url.pathname === href.split('?')[0])
  await page.getByRole('list', { name: 'Transcript items' }).waitFor()
  expect(before.searchParams.get('status')).toBe('CLOSE')
  await page.context().close()
})

test("an agent sees only their conversations; another's deep link is not found", async () => {
  const records = await demoRecords()
  const mine = records.filter(tookPart)
  const other = records.find((r) => !tookPart(r))
  expect(mine.length).toBeGreaterThan(0)
  if (!other) throw new Error('every demo conversation has the agent')

  const { page, errors } = await newPage()
  await page.goto(`${server.url}/conversations/${other.info.conversationId}`)
  await waitForInteractive(page)
  await signIn(page, AGENT)
  await page.getByText('Conversation not found').waitFor()

  await page.goto(`${server.url}/conversations?range=90d`)
  await waitForInteractive(page)
  await page.getByRole('table').waitFor()
  await expect.poll(() => page.getByRole('table').getByRole('link').count()).toBeGreaterThan(0)
  const shown = await page.getByRole('table').getByRole('link').allTextContents()
  expect(shown.length).toBeLessThanOrEqual(mine.length)
  await expect(page.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0)
  expect(errors).toEqual([])
  await page.context().close()
})

test('the Users and Audit pages work for an admin and are axe-clean', async () => {
  const { page, errors } = await newPage()
  await page.goto(`${server.url}/users`)
  await waitForInteractive(page)
  await signIn(page, ADMIN)
  await page.waitForURL((url) => url.pathname === '/users')
  await page.getByRole('cell', { name: AGENT.email, exact: true }).first().waitFor()
  await page.screenshot({ path: join(RESULTS, 'users-page.png'), fullPage: true })
  expect(await axeViolations(page)).toEqual([])

  await page.getByRole('link', { name: 'Audit' }).click()
  await page.waitForURL((url) => url.pathname === '/audit')
  await page.getByRole('cell', { name: 'sign-in', exact: true }).first().waitFor()
  await page.screenshot({ path: join(RESULTS, 'audit-page.png'), fullPage: true })
  expect(await axeViolations(page)).toEqual([])
  expect(errors).toEqual([])
  await page.context().close()
})

test('a page the server renders holds only what its reader may read, and the HTML asks for sign-in first', async () => {
  const records = await demoRecords()
  const mine = records.filter(tookPart)
  const other = records.find((r) => !tookPart(r) && (r.messageRecords?.length ?? 0) > 0)
  if (!other) throw new Error('every demo conversation has the agent')

  // No session: the server renders nothing of the app's data; it sends to sign-in.
  const anonymous = await fetch(`${server.url}/conversations/${other.info.conversationId}`, {
    redirect: 'manual',
  })
  expect(anonymous.status).toBe(302)
  expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?next=/)

  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: AGENT.email, password: AGENT.password }),
  })
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const page = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie } })

  // Another agent's conversation is as absent from the HTML (and its data) as a missing one.
  const theirs = await page(`/conversations/${other.info.conversationId}`)
  const theirsHtml = await theirs.text()
  const missing = await page('/conversations/no-such-conversation')
  const missingHtml = await missing.text()
  expect(theirs.status).toBe(missing.status)
  expect(theirsHtml).toContain('Conversation not found')
  const withoutId = (html: string, id: string) => html.replaceAll(id, '<id>')
  expect(withoutId(theirsHtml, other.info.conversationId).length).toBe(
    withoutId(missingHtml, 'no-such-conversation').length,
  )
  for (const message of other.messageRecords ?? []) {
    expect(theirsHtml).not.toContain(message.messageId)
  }

  // The search page lists only the agent's conversations, in its HTML as on screen.
  const list = await (await page('/conversations?range=90d')).text()
  const listed = new Set(
    [...list.matchAll(/href="\/conversations\/([^"?]+)"/g)].map((m) => m[1] ?? ''),
  )
  expect(listed.size).toBeGreaterThan(0)
  const allowed = new Set(mine.map((r) => r.info.conversationId))
  expect([...listed].filter((id) => !allowed.has(id))).toEqual([])
})
