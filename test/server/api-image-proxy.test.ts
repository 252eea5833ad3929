import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { proxiedImagePath } from '@/domain/schema/image-request'
import { pick, startTestApi, type TestApi } from './api-harness'

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Another host's image server, as a transcript's author would run it: it records who asked. */
let images: Server
let imagesUrl = ''
const seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = []

beforeAll(async () => {
  images = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    const path = req.url ?? '/'
    if (path === '/pixel.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
    } else if (path === '/moved') {
      res.writeHead(302, { location: '/pixel.png' }).end()
    } else if (path === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' }).end()
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' }).end()
    } else if (path === '/vector.svg') {
      res
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    } else if (path === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<script>alert(1)</script>')
    } else if (path === '/huge.png') {
      // No content-length: the size is only known while reading.
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(PNG)
      res.end(Buffer.alloc(300 * 1024))
    } else if (path === '/slow.png') {
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(PNG.subarray(0, 8))
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve))
  const address = images.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  imagesUrl = `http://127.0.0.1:${String(address.port)}`
})

afterAll(async () => {
  images.closeAllConnections()
  await new Promise((resolve) => images.close(resolve))
})

const message = (json: unknown) => pick(json, 'error', 'message')

describe('an image server on a public host (allowed here by address)', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({
      app: { images: { allowAddresses: ['127.0.0.1'], timeoutMs: 1500, maxBytes: 200 * 1024 } },
    })
  })
  afterAll(() => api.stop())

  test('the image comes from our origin, and its host sees no referrer, cookie or reader', async () => {
    seen.length = 0
    const answer = await fetch(api.url + proxiedImagePath(`${imagesUrl}/pixel.png`), {
      headers: { cookie: 'session=secret', referer: `${api.url}/conversations/c-1` },
    })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('image/png')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(Buffer.from(await answer.arrayBuffer())).toEqual(PNG)
    expect(seen).toHaveLength(1)
    const headers = seen[0]?.headers ?? {}
    expect(headers.referer).toBeUndefined()
    expect(headers.cookie).toBeUndefined()
    expect(headers['user-agent']).toBe('conversation-viewer-image-proxy')
  })

  test('a redirect to another image is followed; one to a file: address or in a loop is not', async () => {
    expect((await api.get(proxiedImagePath(`${imagesUrl}/moved`))).status).toBe(200)
    const toFile = await api.get(proxiedImagePath(`${imagesUrl}/to-file`))
    expect(toFile.status).toBe(502)
    expect(message(toFile.json)).toMatch(/redirected to a non-http\(s\) address/)
    const loop = await api.get(proxiedImagePath(`${imagesUrl}/loop`))
    expect(loop.status).toBe(502)
    expect(message(loop.json)).toMatch(/redirected too many times/)
  })

  test('SVG, HTML, a missing file, an oversized or a stalled image each get one clear line', async () => {
    const cases: [string, number, RegExp][] = [
      ['/vector.svg', 502, /sent an SVG image \(not loaded: SVG can carry scripts\)/],
      ['/page.html', 502, /sent text\/html, not an image the viewer shows/],
      ['/nothing.png', 502, /answered 404/],
      ['/huge.png', 502, /the image from 127.0.0.1:\d+ is larger than the 200 KB limit/],
      ['/slow.png', 504, /did not answer within 1\.5 s/],
    ]
    for (const [path, status, text] of cases) {
      const answer = await api.get(proxiedImagePath(imagesUrl + path))
      expect({ path, status: answer.status }).toEqual({ path, status })
      expect(message(answer.json)).toMatch(text)
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
    }
  })
})

describe('the default proxy', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi()
  })
  afterAll(() => api.stop())

  test('never reaches a loopback, private or link-local address, by name or by number', async () => {
    seen.length = 0
    for (const target of [
      `${imagesUrl}/pixel.png`,
      imagesUrl.replace('127.0.0.1', 'localhost') + '/pixel.png',
      'http://10.0.0.1/x.png',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/x.png',
      'http://0.0.0.0/x.png',
    ]) {
      const answer = await api.get(proxiedImagePath(target))
      expect({ target, status: answer.status }).toEqual({ target, status: 403 })
      expect(pick(answer.json, 'error', 'field')).toBe('url')
      expect(message(answer.json)).toMatch(/is a private or local address/)
    }
    expect(seen).toHaveLength(0)
  })

  test('anything but an absolute http(s) address is a 400 naming the url', async () => {
    for (const bad of [
      '/api/image',
      '/api/image?url=javascript%3Aalert(1)',
      '/api/image?url=file%3A%2F%2F%2Fetc%2Fpasswd',
      '/api/image?url=%2Fdemo%2Fa.svg',
      `/api/image?url=${encodeURIComponent('http://user:pw@example.com/a.png')}`,
      `/api/image?url=${encodeURIComponent(`https://example.com/${'a'.repeat(5000)}`)}`,
    ]) {
      const answer = await api.get(bad)
      expect({ bad, status: answer.status }).toEqual({ bad, status: 400 })
      expect(pick(answer.json, 'error', 'field')).toBe('url')
    }
  })

  test('only GET is answered', async () => {
    const answer = await api.post(proxiedImagePath(`${imagesUrl}/pixel.png`), {})
    expect(answer.status).toBe(405)
  })
})
