/**
 * `npm run reviews -- export|import` (issue 13), the real entry point in a child process: a JSON
 * export read into another install exports from there as the same document; the CSV has the
 * review's row; dates narrow the export; a bad file imports nothing and says why.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewsExportSchema, type Review } from '@/domain/schema/reviews'
import { openWorkspace } from '@/server/workspace/workspace'
import { startTestApi, type TestApi } from './api-harness'
import {
  ADMIN,
  BOB,
  PERFECT,
  PRIYA,
  RECORDS,
  defaultScorecardId,
  messageId,
  reviewClient,
} from './reviews-harness'
import { sessionClient } from './session-client'
import { runCli } from './run-cli'

const runReviews = (args: string[], workspacePath: string) =>
  runCli('reviews-cli.ts', args, { WORKSPACE_PATH: workspacePath })

const dir = mkdtempSync(join(tmpdir(), 'cv-reviews-cli-'))
let api: TestApi
let review: Review
let workspacePath: string

beforeAll(async () => {
  api = await startTestApi({ records: RECORDS, workspace: { users: [ADMIN, PRIYA] } })
  workspacePath = api.workspace!.path
  const session = sessionClient(api.url)
  expect((await session.signIn(PRIYA.email, PRIYA.password)).status).toBe(200)
  const priya = reviewClient(session)
  const created = await priya.create('c-three-legs', BOB.id, await defaultScorecardId(session))
  const saved = (
    await priya.save(created, {
      answers: { ...PERFECT, greeting: '4' },
      evidence: [
        {
          id: 'e-1',
          criterionId: 'greeting',
          quotes: [
            { messageId: messageId('c-three-legs', 3), text: 'I will correct it', by: 'Bob' },
          ],
          comment: 'Warm',
        },
      ],
    })
  ).json as Review
  review = await priya.submit(saved)
}, 60_000)

afterAll(async () => {
  await api.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run reviews', () => {
  it('exports JSON that another install imports and exports again as the same document', async () => {
    const first = join(dir, 'first.json')
    const exported = await runReviews(['export', '--format', 'json', '--out', first], workspacePath)
    expect(exported.stderr).toContain('1 reviews exported')
    expect(exported.code).toBe(0)

    const otherPath = join(dir, 'other', 'workspace.db')
    const imported = await runReviews(['import', first], otherPath)
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain('1 reviews imported, 0 already here')

    const second = join(dir, 'second.json')
    expect(
      (await runReviews(['export', '--format', 'json', '--out', second], otherPath)).code,
    ).toBe(0)
    const a = reviewsExportSchema.parse(JSON.parse(readFileSync(first, 'utf8')))
    const b = reviewsExportSchema.parse(JSON.parse(readFileSync(second, 'utf8')))
    expect({ ...b, exportedAt: 0 }).toEqual({ ...a, exportedAt: 0 })
    expect(a.reviews[0]?.history.map((entry) => entry.action)).toEqual(['created', 'submitted'])

    // Importing the same file again changes nothing and says so.
    const again = await runReviews(['import', first], otherPath)
    expect(again.stdout).toContain('0 reviews imported, 1 already here')
  })

  it('exports CSV with the review, narrowed by dates', async () => {
    const csv = await runReviews(
      ['export', '--format', 'csv', '--origin', 'https://qa.example.com'],
      workspacePath,
    )
    expect(csv.code).toBe(0)
    const lines = csv.stdout.trim().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toContain('LivePerson messaging: Greeting')
    expect(lines[1]).toContain(review.id)
    expect(lines[1]).toContain(
      `https://qa.example.com/conversations/c-three-legs?review=${review.id}`,
    )
    expect(lines[1]).toContain(messageId('c-three-legs', 3))

    const updated = new Date(review.updatedAt)
    const dayBefore = new Date(updated.getTime() - 86_400_000).toISOString().slice(0, 10)
    const none = await runReviews(['export', '--format', 'csv', '--to', dayBefore], workspacePath)
    expect(none.code).toBe(0)
    expect(none.stdout.trim().split('\r\n')).toHaveLength(1)
    const sameDay = updated.toISOString().slice(0, 10)
    const one = await runReviews(
      ['export', '--format', 'csv', '--from', sameDay, '--to', sameDay],
      workspacePath,
    )
    expect(one.stdout.trim().split('\r\n')).toHaveLength(2)
  })

  it('refuses a bad file, naming what is wrong, and imports nothing', async () => {
    const first = join(dir, 'broken-source.json')
    expect(
      (await runReviews(['export', '--format', 'json', '--out', first], workspacePath)).code,
    ).toBe(0)
    const data = JSON.parse(readFileSync(first, 'utf8')) as { reviews: { state: string }[] }
    data.reviews.push({ ...data.reviews[0]!, state: 'finished' })
    const broken = join(dir, 'broken.json')
    writeFileSync(broken, JSON.stringify(data))
    const target = join(dir, 'untouched', 'workspace.db')
    const result = await runReviews(['import', broken], target)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('reviews[1].state: must be "draft" or "submitted"')
    expect(result.stderr).toContain('nothing was imported')
    const notJson = join(dir, 'not.json')
    writeFileSync(notJson, '{"format": ')
    expect((await runReviews(['import', notJson], target)).stderr).toContain('not JSON')
    if (existsSync(target)) {
      const workspace = openWorkspace(target)
      try {
        expect(Number(workspace.db.prepare('SELECT count(*) FROM reviews').pluck().get())).toBe(0)
      } finally {
        workspace.close()
      }
    }
  })

  it('never overwrites an existing output file, and says how to use it when asked wrongly', async () => {
    const taken = join(dir, 'taken.csv')
    writeFileSync(taken, 'keep')
    const result = await runReviews(['export', '--format', 'csv', '--out', taken], workspacePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('exists: choose another file')
    expect(readFileSync(taken, 'utf8')).toBe('keep')
    const wrong = await runReviews(['export', '--format', 'xml'], workspacePath)
    expect(wrong.stderr).toContain('--format: must be csv or json')
    const badDate = await runReviews(
      ['export', '--format', 'csv', '--from', 'yesterday'],
      workspacePath,
    )
    expect(badDate.stderr).toContain('--from: "yesterday" is not a date')
  })
})
