import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isLoopbackHost, nonLoopbackRefusal } from '@/server/config'
import { openWorkspace } from '@/server/workspace/workspace'

/**
 * The real `npm start` entry point (src/server/main.ts) and the address it listens on: until
 * sign-in exists it refuses any HOST that is not loopback (issue 11, finding 3), and its startup
 * line names the address really bound.
 */

let dir: string
let archivePath: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cv-main-'))
  archivePath = join(dir, 'archive.db')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

interface Started {
  /** Resolves with the exit code and everything printed, once the process has exited. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>
  /** Resolves with the first line matching `pattern` on stdout. */
  line(pattern: RegExp): Promise<RegExpExecArray>
  stop(): Promise<void>
}

/** Starts `node --import tsx src/server/main.ts` as `npm start` does, with `env` on top. */
function startMain(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ARCHIVE_PATH: archivePath,
      DEMO_CONVERSATIONS: '3',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, stdout, stderr }))
    },
  )
  return {
    exited,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout)
          if (match) resolve(match)
        }
        child.stdout.on('data', check)
        check()
        void exited.then(({ code }) => {
          reject(
            new Error(`exited with ${String(code)} before ${String(pattern)}:\n${stdout}${stderr}`),
          )
        })
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}

/** A port on 127.0.0.1 where nothing listens now. */
async function freePort(): Promise<number> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('npm start on a non-loopback HOST', () => {
  it.each(['0.0.0.0', '192.168.1.10', '::'])(
    'HOST=%s: exits non-zero with a one-line reason, listening on nothing',
    async (host) => {
      const port = await freePort()
      const main = startMain({ HOST: host, PORT: String(port) })
      // A server that does start is stopped, not left behind, when the check fails.
      const limit = setTimeout(() => void main.stop(), 30_000)
      const { code, stdout, stderr } = await main.exited.finally(() => clearTimeout(limit))
      expect(code).not.toBe(0)
      expect(code).not.toBeNull()
      const lines = stderr.trim().split('\n')
      expect(lines).toEqual([
        `Conversation Viewer could not start: HOST=${host} is not a loopback address, and ` +
          'sign-in is not set up: anyone who can reach it could read every transcript. Create ' +
          'an admin first (npm run users -- add <email> --role admin) or set OIDC_ISSUER, or ' +
          'use HOST=127.0.0.1 (the default).',
      ])
      // Refused before anything else: no build, no archive, no startup line.
      expect(stdout).toBe('')
      expect(existsSync(archivePath)).toBe(false)
      const connected = await fetch(`http://127.0.0.1:${String(port)}/api/config`).then(
        () => true,
        () => false,
      )
      expect(connected).toBe(false)
    },
    60_000,
  )
})

describe('npm start on a loopback HOST', () => {
  // The first start may build the SPA into dist/ (as every `npm start` after a change does).
  let warmDir: string
  let warm: Started
  beforeAll(async () => {
    warmDir = mkdtempSync(join(tmpdir(), 'cv-main-warm-'))
    warm = startMain({ HOST: '127.0.0.1', PORT: '0', ARCHIVE_PATH: join(warmDir, 'archive.db') })
    await warm.line(/Conversation Viewer: http:\/\/\S+/)
  }, 300_000)
  afterAll(async () => {
    await warm.stop()
    rmSync(warmDir, { recursive: true, force: true })
  })

  it.each([
    ['127.0.0.1', /Conversation Viewer: (http:\/\/127\.0\.0\.1:(\d+))\n/],
    ['::1', /Conversation Viewer: (http:\/\/\[::1\]:(\d+))\n/],
    ['localhost', /Conversation Viewer: (http:\/\/(?:127\.0\.0\.1|\[::1\]):(\d+))\n/],
  ])(
    'HOST=%s PORT=0: the startup line names the real address and port, and it answers',
    async (host, pattern) => {
      const main = startMain({ HOST: host, PORT: '0' })
      try {
        const [, url = '', port = ''] = await main.line(pattern)
        expect(Number(port)).toBeGreaterThan(0)
        const res = await fetch(`${url}/api/config`)
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({ accountId: 'demo', mode: 'archive' })
      } finally {
        await main.stop()
      }
    },
    120_000,
  )
})

describe('npm start with sign-in set up', () => {
  it('HOST=0.0.0.0 starts once an admin exists, and then every API route needs a session', async () => {
    const workspacePath = join(dir, 'workspace.db')
    const workspace = openWorkspace(workspacePath)
    await workspace.users.add({
      email: 'ada@example.com',
      role: 'admin',
      password: 'admin password 1',
      agentGroups: [],
      skills: [],
    })
    workspace.close()
    const main = startMain({ HOST: '0.0.0.0', PORT: '0', WORKSPACE_PATH: workspacePath })
    try {
      const [, port = ''] = await main.line(/Conversation Viewer: http:\/\/0\.0\.0\.0:(\d+)\n/)
      const base = `http://127.0.0.1:${port}`
      expect((await fetch(`${base}/api/config`)).status).toBe(401)
      expect((await fetch(`${base}/api/health`)).status).toBe(200)
      const signIn = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: 'ada@example.com', password: 'admin password 1' }),
      })
      expect(signIn.status).toBe(200)
    } finally {
      await main.stop()
    }
  }, 120_000)

  it('TRUST_PROXY without any account is refused in one line', async () => {
    const main = startMain({ HOST: '127.0.0.1', PORT: '0', TRUST_PROXY: 'true' })
    const { code, stderr } = await main.exited
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toEqual([
      'Conversation Viewer could not start: TRUST_PROXY is set, and sign-in is not set up: ' +
        'behind a proxy anyone could read every transcript. Create an admin first ' +
        '(npm run users -- add <email> --role admin) or set OIDC_ISSUER.',
    ])
  }, 60_000)
})

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true)
      expect(nonLoopbackRefusal(host)).toBeUndefined()
    },
  )

  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.10',
    '10.0.0.1',
    '127.0.0.256',
    'example.com',
    '::ffff:10.0.0.1',
    '',
  ])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
    expect(nonLoopbackRefusal(host)).toMatch(/is not a loopback address/)
  })

  it('refuses a loopback name that was bound to another address, naming both', () => {
    expect(nonLoopbackRefusal('localhost', '10.0.0.1')).toMatch(
      /^HOST=localhost \(listening on 10\.0\.0\.1\) is not a loopback address/,
    )
  })
})
