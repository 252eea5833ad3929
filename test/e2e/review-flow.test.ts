import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
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
 * The whole review flow of issue 13 in Debian Chromium against `npm start`: a reviewer signs in,
 * opens a conversation with two agent legs, reviews agent B with evidence on two messages and
 * submits; the search page's review filter finds it; agent B signs in, sees it and disputes a
 * criterion; the reviewer accepts; the CSV export has the new score.
 */

const RESULTS = join(process.cwd(), 'test-results')
const ADMIN = { email: 'ada@example.com', password: 'admin password 1', name: 'Ada Admin' }
const PRIYA = { email: 'priya@example.com', password: 'reviewer password 1', name: 'Priya Shah' }
const AGENT_PASSWORD = 'agent password 1'

let dir: string
let server: RunningServer
let browser: Browser

const recordsSchema = z.object({
  conversationHistoryRecords: z.array(
    z.looseObject({
      info: z.looseObject({ conversationId: z.string() }),
      agentParticipants: z
        .array(
          z.looseObject({
            agentId: z.string().optional(),
            agentFullName: z.string().optional(),
            userType: z.string().optional(),
            userTypeName: z.string().optional(),
          }),
        )
        .optional(),
      messageRecords: z
        .array(z.looseObject({ messageId: z.string(), participantId: z.string().optional() }))
        .optional(),
    }),
  ),
})

async function apiSession(who: { email: string; password: string }): Promise<string> {
  const signIn = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: who.email, password: who.password }),
  })
  expect(signIn.status).toBe(200)
  return (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
}

/** A demo conversation whose messages come from two human agents: A first, then B. */
async function twoAgentConversation(cookie: string) {
  const now = Date.now()
  const res = await fetch(
    `${server.url}/messaging_history/api/account/demo/conversations/search?limit=100`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, cookie },
      body: JSON.stringify({ start: { from: now - 29 * 86_400_000, to: now } }),
    },
  )
  const records = recordsSchema.parse(await res.json()).conversationHistoryRecords
  for (const record of records) {
    const humans = (record.agentParticipants ?? []).filter(
      (p) => p.agentId && !/bot/i.test(`${p.userType ?? ''} ${p.userTypeName ?? ''}`),
    )
    const writers: string[] = []
    for (const message of record.messageRecords ?? []) {
      const human = humans.find((p) => p.agentId === message.participantId)
      if (human?.agentId && !writers.includes(human.agentId)) writers.push(human.agentId)
    }
    const b = humans.find((p) => p.agentId === writers[1])
    const bMessages = (record.messageRecords ?? []).filter((m) => m.participantId === writers[1])
    if (writers.length === 2 && b?.agentFullName && bMessages.length >= 2) {
      return {
        conversationId: record.info.conversationId,
        agentB: { id: b.agentId ?? '', name: b.agentFullName },
        firstOfB: bMessages[0]?.messageId ?? '',
      }
    }
  }
  throw new Error('no demo conversation with two human agent legs')
}

const newPage = () => pageWithErrors(browser)

async function signIn(page: Page, path: string, who: { email: string; password: string }) {
  await page.goto(server.url + path)
  await waitForInteractive(page)
  await page.waitForURL(/\/sign-in\?next=/)
  await signInAs(page, who)
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

/** Chooses a point of one criterion by clicking its label. */
async function choose(page: Page, criterion: string, point: string) {
  await page
    .getByRole('group', { name: criterion, exact: true })
    .getByText(point, { exact: true })
    .click()
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cv-e2e-reviews-'))
  const workspacePath = join(dir, 'workspace.db')
  const workspace = openWorkspace(workspacePath)
  await workspace.users.add({ ...ADMIN, role: 'admin', agentGroups: [], skills: [] })
  await workspace.users.add({ ...PRIYA, role: 'reviewer', agentGroups: [], skills: [] })
  workspace.close()
  server = await startServer({ demoConversations: 150, env: { WORKSPACE_PATH: workspacePath } })
  browser = await launchBrowser()
  mkdirSync(RESULTS, { recursive: true })
}, 180_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('review agent B with evidence, find it, the agent disputes, the reviewer accepts, the CSV has the new score', async () => {
  const adminCookie = await apiSession(ADMIN)
  const { conversationId, agentB, firstOfB } = await twoAgentConversation(adminCookie)
  const agent = { email: 'agent.b@example.com', password: AGENT_PASSWORD }
  const added = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, cookie: adminCookie },
    body: JSON.stringify({
      ...agent,
      name: agentB.name,
      role: 'agent',
      agentId: agentB.id,
      agentGroups: [],
      skills: [],
    }),
  })
  expect(added.status).toBe(201)

  // The reviewer starts a review of agent B's leg.
  const { page, errors } = await newPage()
  // The transcript draws the rows in view: the link points at agent B's first message.
  await signIn(page, `/conversations/${conversationId}?msg=${encodeURIComponent(firstOfB)}`, PRIYA)
  await page.getByRole('list', { name: 'Transcript items' }).waitFor()
  await page.getByRole('button', { name: 'Review', exact: true }).click()
  await page.getByRole('button', { name: 'Start a review' }).click()
  await page.getByRole('radio', { name: new RegExp(agentB.name) }).check()
  await page.getByRole('button', { name: 'Start the review' }).click()
  await page.waitForURL((url) => /^[0-9a-f-]{36}$/.test(url.searchParams.get('review') ?? ''))
  const reviewId = new URL(page.url()).searchParams.get('review') ?? ''

  // Scores, the first with the keyboard: focus the criterion's choice and type the point.
  const greeting = page.getByRole('group', { name: 'Greeting', exact: true })
  await greeting.getByRole('radio').first().focus()
  await page.keyboard.press('4')
  await expect.poll(() => greeting.getByRole('radio', { name: '4' }).isChecked()).toBe(true)
  await choose(page, 'Verification', 'N/A')
  await choose(page, 'Discovery', '5')
  await choose(page, 'Accuracy', '5')
  await choose(page, 'Resolution', 'Resolved')
  await choose(page, 'Empathy and tone', '4')
  await choose(page, 'Compliance', 'Yes')
  await choose(page, 'Closing', '5')

  // Evidence: two of agent B's messages, attached to Greeting with a comment.
  const bMessages = page.getByRole('checkbox', {
    name: new RegExp(`^Select the message from ${agentB.name}`),
  })
  await bMessages.nth(0).check()
  await bMessages.nth(1).check()
  await page.getByRole('button', { name: 'Attach 2 selected messages to Greeting' }).click()
  await page.getByLabel('Comment (optional)').fill('Greets by name after the transfer')
  await page.getByRole('button', { name: 'Attach', exact: true }).click()
  const evidence = page.getByRole('link', { name: /^Show in transcript/ })
  await expect.poll(() => evidence.count()).toBe(2)
  // (1×0.8 + 2×1 + 3×1 + 3×1 + 2×0.8 + 2×1 + 1×1) ÷ 14 = 95.7 %, verification N/A.
  await expect.poll(() => page.getByText('95.7%').count()).toBeGreaterThan(0)
  await page.screenshot({ path: join(RESULTS, 'review-in-progress.png') })
  expect(await axeViolations(page)).toEqual([])

  await page.getByRole('button', { name: 'Submit review' }).click()
  await page.getByRole('button', { name: 'Edit review' }).waitFor()

  // The search page's review filter finds it, with its score in the review column.
  await page.goto(
    `${server.url}/conversations?range=30d&review=reviewed&reviewer=${encodeURIComponent(PRIYA.email)}`,
  )
  await waitForInteractive(page)
  const rows = page.getByRole('table').getByRole('row')
  await expect.poll(() => rows.count()).toBe(2)
  await expect.poll(() => rows.nth(1).textContent()).toContain('95.7%')

  // Agent B sees the review of their leg and disputes Greeting.
  const agentPage = await newPage()
  await signIn(agentPage.page, `/conversations/${conversationId}?review=${reviewId}`, agent)
  await agentPage.page.getByRole('button', { name: 'Dispute Greeting' }).click()
  await agentPage.page
    .getByLabel('Why do you dispute "Greeting"?')
    .fill('I greeted by name in my first message')
  await agentPage.page.getByRole('button', { name: 'Send dispute' }).click()
  await expect.poll(() => agentPage.page.getByText('I greeted by name').count()).toBeGreaterThan(0)
  await agentPage.page.screenshot({ path: join(RESULTS, 'review-disputed-by-agent.png') })
  expect(agentPage.errors).toEqual([])
  await agentPage.page.context().close()

  // The reviewer accepts: Greeting becomes 5 and the score 97.1 %.
  await page.goto(`${server.url}/conversations/${conversationId}?review=${reviewId}`)
  await waitForInteractive(page)
  await page.getByRole('button', { name: 'Accept…' }).click()
  await page.getByLabel('New answer').selectOption('5')
  await page.getByRole('button', { name: 'Accept the dispute' }).click()
  await expect.poll(() => page.getByText('97.1%').count()).toBeGreaterThan(0)

  const csv = await page.request.get(`${server.url}/api/reviews.csv`)
  expect(csv.status()).toBe(200)
  const lines = (await csv.text()).trim().split('\r\n')
  const row = lines.find((line) => line.startsWith(reviewId)) ?? ''
  expect(row).toContain(',97.1,')
  expect(row).toContain(`/conversations/${conversationId}?review=${reviewId}`)
  expect(errors).toEqual([])
}, 180_000)
