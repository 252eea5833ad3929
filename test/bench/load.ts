import autocannon from 'autocannon'
import { uploadAndWait } from './import-load'

/**
 * Load on 127.0.0.1 with autocannon: 20 connections for 15 s, cycling through a list of
 * requests (mixed searches, or by-ID fetches), alone and while an HTTP import runs.
 */

export interface LoadRequest {
  path: string
  body: unknown
}

export interface LoadResult {
  requestsPerSecond: number
  p99: number
  errors: number
  non2xx: number
  /** How long the import ran, and whether it outlasted the load (only during an import). */
  importMs?: number
  importOutlasted?: boolean
}

export const CONNECTIONS = 20
export const DURATION_S = 15

export function loadRun(url: string, requests: readonly LoadRequest[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: requests.map((request) => ({
          method: 'POST' as const,
          path: request.path,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request.body),
        })),
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
          return
        }
        resolve({
          requestsPerSecond: result.requests.average,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        })
      },
    )
  })
}

/** The same load, started as the upload of `file` starts; the import runs to its end. */
export async function loadDuringImport(
  url: string,
  file: string,
  requests: readonly LoadRequest[],
): Promise<LoadResult> {
  let importEnded = false
  const imported = uploadAndWait(url, file).finally(() => {
    importEnded = true
  })
  const load = await loadRun(url, requests)
  const outlasted = !importEnded
  const { uploadMs, importMs } = await imported
  return { ...load, importMs: uploadMs + importMs, importOutlasted: outlasted }
}
