import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '@/server/app'
import { redactor } from '@/server/http/redact'
import { createLogger } from '@/server/http/request-log'

/**
 * The built app as `npm start` serves it, from a dist folder laid out like Vite's (with the
 * `.br` and `.gz` files the compression plugin writes): precompressed assets, caching, the
 * security headers, and deep links answered with the page.
 */

let dir: string
let app: FastifyInstance
let url: string
const script = `console.log(${JSON.stringify('x'.repeat(4000))})`

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cv-dist-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Conversation Viewer</title>')
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script)
  writeFileSync(join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script))
  writeFileSync(join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(script))
  app = await buildApp({
    accountId: 'demo',
    loopbackOnly: true,
    logger: createLogger({ redact: redactor([]), destination: { write: () => undefined } }),
    spa: { kind: 'dist', dir },
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  url = `http://127.0.0.1:${String(address.port)}`
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the built app', () => {
  it('sends the precompressed file the browser takes, varying on Accept-Encoding, cached for good', async () => {
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(`${url}/assets/index-abc123.js`, {
        headers: { 'accept-encoding': encoding },
      })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-encoding')).toBe(encoding)
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await res.text()).toBe(script)
    }
    const plain = await fetch(`${url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'identity' },
    })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(script)
  })

  it('the page is revalidated each time: an unchanged one is a 304', async () => {
    const first = await fetch(`${url}/`)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const etag = first.headers.get('etag')
    expect(etag).toBeTruthy()
    const again = await fetch(`${url}/`, {
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    })
    expect(again.status).toBe(304)
  })

  it('a deep link is the page; a missing file is a 404, not the page', async () => {
    const deep = await fetch(`${url}/conversations/abc?msg=abc:3`)
    expect(deep.status).toBe(200)
    expect(await deep.text()).toContain('<title>Conversation Viewer</title>')
    const missing = await fetch(`${url}/assets/index-gone.js`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      error: { status: 404, message: 'Not found: /assets/index-gone.js' },
    })
  })

  it('the policy allows scripts from this server only, no plugins, no framing', async () => {
    const res = await fetch(`${url}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    // Remote images come through /api/image once the reader asks: the page itself reaches no other host.
    expect(csp).toMatch(/img-src 'self' data:(;|$)/)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
