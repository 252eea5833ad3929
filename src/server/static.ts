import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Transcripts are untrusted: no inline scripts, no plugins, images from anywhere over http(s).
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https: http:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
}

/**
 * Serves the built SPA from `dir`: files by path, and `index.html` for any other GET that
 * accepts HTML (deep links such as /conversations/abc). Returns false when it did not answer.
 */
export function serveSpa(dir: string, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const url = new URL(req.url ?? '/', 'http://localhost')
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return false
  }
  const filePath = normalize(join(dir, pathname))
  const inside = filePath === dir || filePath.startsWith(dir.endsWith(sep) ? dir : dir + sep)
  if (inside && existsSync(filePath) && statSync(filePath).isFile()) {
    sendFile(filePath, req, res, pathname.startsWith('/assets/'))
    return true
  }
  if (
    extname(pathname) !== '' ||
    pathname.startsWith('/api/') ||
    pathname.startsWith('/messaging_history/')
  ) {
    return false
  }
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return false
  sendFile(index, req, res, false)
  return true
}

function sendFile(path: string, req: IncomingMessage, res: ServerResponse, immutable: boolean) {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(statSync(path).size),
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  }
  res.writeHead(200, headers)
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(path).pipe(res)
}
