import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '@/server/workspace/workspace'
import { runCli } from './run-cli'

/** Runs the real `npm run backup` entry point against a temp workspace. */
const runBackup = (args: string[], workspacePath: string) =>
  runCli('backup-cli.ts', args, { WORKSPACE_PATH: workspacePath })

const ACTOR = { actor: 'test', ip: null, userAgent: null }

let dir: string
let workspacePath: string
let workspace: Workspace

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cv-backup-'))
  workspacePath = join(dir, 'workspace.db')
  workspace = openWorkspace(workspacePath)
  await workspace.users.add({
    email: 'ada@example.com',
    name: 'Ada',
    role: 'admin',
    password: 'a long enough password',
    agentGroups: [],
    skills: [],
  })
})
afterEach(() => {
  workspace.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run backup', () => {
  it('copies the workspace while it is being written, whole and consistent', async () => {
    for (let i = 0; i < 2_000; i++)
      workspace.audit.record(ACTOR, { action: 'search', detail: { i } })
    // The "server" keeps writing while the backup runs in its own process.
    let writing = true
    let written = 0
    const writer = (async () => {
      while (writing) {
        workspace.audit.record(ACTOR, { action: 'search', detail: { during: written++ } })
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const target = join(dir, 'copy.db')
    const result = await runBackup([target], workspacePath)
    writing = false
    await writer
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`${target}: 1 accounts`)
    expect(written).toBeGreaterThan(0)

    const copy = new Database(target, { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(copy.prepare('SELECT email FROM users').pluck().all()).toEqual(['ada@example.com'])
      const entries = Number(copy.prepare('SELECT count(*) FROM audit').pluck().get())
      // Everything written before the backup began, and no torn half of what came during it.
      expect(entries).toBeGreaterThanOrEqual(2_000)
      const ids = copy.prepare('SELECT id FROM audit ORDER BY id').pluck().all() as number[]
      expect(ids.at(-1)).toBe(ids[0]! + ids.length - 1)
    } finally {
      copy.close()
    }
    // The copy opens as a workspace of its own: that is how it is restored.
    const restored = openWorkspace(target)
    try {
      expect(restored.users.byEmail('ada@example.com')?.role).toBe('admin')
    } finally {
      restored.close()
    }
  })

  it('names the copy by date beside the workspace when no file is given', async () => {
    const result = await runBackup([], workspacePath)
    expect(result.code).toBe(0)
    const files = readdirSync(join(dir, 'backups'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^workspace-\d{8}-\d{6}\.db$/)
  })

  it('never overwrites an existing file, and says so', async () => {
    const target = join(dir, 'taken.db')
    writeFileSync(target, 'keep me')
    const result = await runBackup([target], workspacePath)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${target} exists: choose another file`)
    expect(existsSync(`${target}.partial`)).toBe(false)
  })

  it('says so when there is no workspace to back up', async () => {
    const missing = join(dir, 'nothing', 'workspace.db')
    const result = await runBackup([join(dir, 'out.db')], missing)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${missing}: no workspace database to back up`)
    expect(existsSync(join(dir, 'out.db'))).toBe(false)
  })
})
