import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '@/server/app'
import type { Archive } from '@/server/archive/archive'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'
import { openWorkspace } from '@/server/workspace/workspace'
import { percentile } from './report'

/**
 * What sign-in and the audit trail cost the search route (issue 12: at most 10% at p95): the
 * same searches against the same archive, through an app in local mode (no session, no audit)
 * and through one with sign-in on (a session looked up, an audit entry written per search),
 * alternating request by request so that both see the same machine.
 */
export async function auditCost(options: {
  archive: Archive
  body: () => unknown
  requests: number
  rounds: number
}): Promise<{ localP95: number[]; signedInP95: number[]; auditRows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cv-bench-audit-'))
  const logger = createLogger({ redact: redactor([]), level: 'warn' })
  const workspace = openWorkspace(join(dir, 'workspace.db'))
  await workspace.users.add({
    email: 'bench@example.com',
    // An admin reads everything, so both apps run the same query: the difference is the
    // session lookup and the audit entry. (A scope's cost is the query's, measured apart.)
    role: 'admin',
    password: 'bench password 1',
    agentGroups: [],
    skills: [],
  })
  const common = {
    accountId: 'demo',
    archive: options.archive,
    loopbackOnly: true,
    logger,
    rateLimitPerMinute: 0,
  }
  const local = await buildApp(common)
  const signedIn = await buildApp({ ...common, auth: { workspace } })
  try {
    const urls: string[] = []
    for (const app of [local, signedIn]) {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      urls.push(`http://127.0.0.1:${String(address.port)}`)
    }
    const [localUrl = '', signedInUrl = ''] = urls
    const signIn = await fetch(`${signedInUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: signedInUrl },
      body: JSON.stringify({ email: 'bench@example.com', password: 'bench password 1' }),
    })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    if (signIn.status !== 200 || !cookie) throw new Error('bench sign-in failed')

    const path = '/messaging_history/api/account/demo/conversations/search?offset=0&limit=50'
    const timed = async (base: string, headers: Record<string, string>) => {
      const started = performance.now()
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(options.body()),
      })
      await res.text()
      if (res.status !== 200) throw new Error(`audit-cost search: ${String(res.status)}`)
      return performance.now() - started
    }
    const localP95: number[] = []
    const signedInP95: number[] = []
    for (let round = 0; round < options.rounds; round++) {
      const a: number[] = []
      const b: number[] = []
      for (let i = 0; i < options.requests + 10; i++) {
        const first = i % 2 === 0
        const tLocal = first ? await timed(localUrl, {}) : 0
        const tSigned = await timed(signedInUrl, { cookie })
        const tLocal2 = first ? tLocal : await timed(localUrl, {})
        if (i < 10) continue
        a.push(tLocal2)
        b.push(tSigned)
      }
      localP95.push(percentile(a, 95))
      signedInP95.push(percentile(b, 95))
    }
    const auditRows = Number(workspace.db.prepare('SELECT count(*) FROM audit').pluck().get())
    return { localP95, signedInP95, auditRows }
  } finally {
    await local.close()
    await signedIn.close()
    workspace.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
