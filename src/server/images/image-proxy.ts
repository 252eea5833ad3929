import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent'
import { HttpError, sizeLimit } from '@/server/http/http-error'

/**
 * Remote images in transcripts, fetched by the server once the reader asks for them, so the
 * image's host sees neither the reader's address nor a referrer. Only public addresses are
 * reached (checked on the resolved address of every connection, so DNS rebinding does not get
 * round it), only raster image types come back, within a size and a time limit.
 */

export interface ImageProxyOptions {
  /** Addresses reached although private (tests serve images on 127.0.0.1). */
  allowAddresses?: string[]
  /** The whole fetch, redirects included, within this many ms (default 10 s). */
  timeoutMs?: number
  /** An image may be this large (default 8 MB). */
  maxBytes?: number
}

export interface FetchedImage {
  contentType: string
  body: Buffer
}

/** What an `<img>` shows and cannot run: no SVG (it can carry scripts when opened on its own). */
const IMAGE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
])
const MAX_REDIRECTS = 3
const MB = 1024 * 1024

export function createImageProxy(options: ImageProxyOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 10_000
  const maxBytes = options.maxBytes ?? 8 * MB
  const filter = { allowIPAddressList: options.allowAddresses ?? [], keepAlive: false }
  const httpAgent = new RequestFilteringHttpAgent(filter)
  const httpsAgent = new RequestFilteringHttpsAgent(filter)

  function get(url: URL, signal: AbortSignal): Promise<IncomingMessage> {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest
    return new Promise((resolve, reject) => {
      const req = send(url, {
        agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
        signal,
        headers: {
          accept: [...IMAGE_TYPES].join(','),
          'accept-encoding': 'identity',
          'user-agent': 'conversation-viewer-image-proxy',
        },
      })
      req.on('response', resolve)
      req.on('error', reject)
      req.end()
    })
  }

  async function readBody(response: IncomingMessage, host: string): Promise<Buffer> {
    const declared = Number(response.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(host, maxBytes)
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) {
        response.destroy()
        throw tooLarge(host, maxBytes)
      }
      chunks.push(chunk)
    }
    return Buffer.concat(chunks)
  }

  /** The image at `address`, or an HttpError saying in one line why not. */
  async function fetchImage(address: string): Promise<FetchedImage> {
    const signal = AbortSignal.timeout(timeoutMs)
    let url = new URL(address)
    try {
      for (let hop = 0; ; hop++) {
        const response = await get(url, signal)
        const status = response.statusCode ?? 0
        const location = response.headers.location
        if (status >= 300 && status < 400 && location !== undefined) {
          response.resume()
          if (hop === MAX_REDIRECTS) {
            throw new HttpError(502, `Image not loaded: ${url.host} redirected too many times`)
          }
          url = redirectTarget(url, location)
          continue
        }
        if (status !== 200) {
          response.resume()
          throw new HttpError(502, `Image not loaded: ${url.host} answered ${String(status)}`)
        }
        const contentType = (response.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase()
        if (contentType === undefined || !IMAGE_TYPES.has(contentType)) {
          response.resume()
          throw notAnImage(url.host, contentType ?? '')
        }
        return { contentType, body: await readBody(response, url.host) }
      }
    } catch (error) {
      throw explain(error, url.host, timeoutMs, signal.aborted)
    }
  }

  return {
    fetchImage,
    close() {
      httpAgent.destroy()
      httpsAgent.destroy()
    },
  }
}

export type ImageProxy = ReturnType<typeof createImageProxy>

function redirectTarget(from: URL, location: string): URL {
  let next: URL
  try {
    next = new URL(location, from)
  } catch {
    throw new HttpError(502, `Image not loaded: ${from.host} redirected to an invalid address`)
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new HttpError(502, `Image not loaded: ${from.host} redirected to a non-http(s) address`)
  }
  return next
}

function tooLarge(host: string, maxBytes: number): HttpError {
  return new HttpError(
    502,
    `Image not loaded: the image from ${host} is larger than the ${sizeLimit(maxBytes)} limit`,
  )
}

function notAnImage(host: string, contentType: string): HttpError {
  const what =
    contentType === 'image/svg+xml'
      ? 'an SVG image (not loaded: SVG can carry scripts)'
      : contentType === ''
        ? 'something without a content type'
        : `${contentType}, not an image the viewer shows`
  return new HttpError(502, `Image not loaded: ${host} sent ${what}`)
}

/** One line for a failed fetch; the cause's own text never carries more than the host. */
function explain(error: unknown, host: string, timeoutMs: number, timedOut: boolean): HttpError {
  if (error instanceof HttpError) return error
  const message = error instanceof Error ? error.message : ''
  const code = (error as { code?: unknown }).code
  if (message.includes('is not allowed')) {
    return new HttpError(
      403,
      `url: ${host} is a private or local address; images are loaded from public hosts only`,
      { field: 'url' },
    )
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new HttpError(502, `Image not loaded: host ${host} not found`)
  }
  if (timedOut) {
    return new HttpError(
      504,
      `Image not loaded: ${host} did not answer within ${String(timeoutMs / 1000)} s`,
    )
  }
  return new HttpError(502, `Image not loaded: ${host} could not be reached`)
}
