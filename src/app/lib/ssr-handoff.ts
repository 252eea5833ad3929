import { z } from 'zod'
import type { Transport } from '@/app/lib/http'
import { renderContextSchema, type RenderContext } from '@/app/lib/render-context'

/**
 * What a page rendered on the server (issue 14) hands to the browser, so that its first render
 * there is the server's: the render context, and every API request the server made for the page
 * with its answer. The browser runs the same loaders and query functions; each of those requests
 * is answered from here once, so the query cache is filled by the same code from the same JSON,
 * and nothing is fetched twice (nor audited twice).
 *
 * It travels in `<script type="application/json" id="cv-ssr">`: data, never run, so the page's
 * policy (no inline scripts) holds; every `<` in it is written `\u003c`, so no text in a
 * transcript can close the element.
 */
export const SSR_PAYLOAD_ID = 'cv-ssr'

const handedAnswerSchema = z.object({
  key: z.string(),
  status: z.number().int(),
  body: z.unknown(),
})

export const ssrPayloadSchema = z.object({
  context: renderContextSchema,
  answers: z.array(handedAnswerSchema),
})
export type SsrPayload = z.infer<typeof ssrPayloadSchema>

/** One request the server made, and its answer as the API sent it (JSON text). */
export interface RecordedAnswer {
  key: string
  status: number
  json: string
}

/** The same request, made by the server or by the browser: method, URL and body. */
export function requestKey(url: string, init: RequestInit): string {
  const body = typeof init.body === 'string' ? init.body : ''
  return `${init.method ?? 'GET'} ${url}\n${body}`
}

/**
 * JSON made safe inside a `<script>` element: only `<` can end it (`</script`) or change how it
 * is read (`<!--`), and in JSON a `<` is always inside a string, where `\u003c` means the same.
 */
const forScriptElement = (json: string) => json.replaceAll('<', '\\u003c')

/**
 * The payload's script element. Answers go in as the API's own JSON text (not parsed and written
 * again: a long transcript's answer is megabytes).
 */
export function payloadScript(context: RenderContext, answers: readonly RecordedAnswer[]): string {
  const parts = answers.map(
    (answer) =>
      `{"key":${JSON.stringify(answer.key)},"status":${String(answer.status)},"body":${answer.json || 'null'}}`,
  )
  const json = `{"context":${JSON.stringify(context)},"answers":[${parts.join(',')}]}`
  return `<script type="application/json" id="${SSR_PAYLOAD_ID}">${forScriptElement(json)}</script>`
}

/** The payload of this page, if the server rendered it (and it reads as one). */
export function readPayload(doc: Document): SsrPayload | undefined {
  const text = doc.getElementById(SSR_PAYLOAD_ID)?.textContent
  if (!text) return undefined
  try {
    const result = ssrPayloadSchema.safeParse(JSON.parse(text))
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}

/** Answers each handed-over request once, from the payload; anything else goes to `next`. */
export function replayTransport(answers: SsrPayload['answers'], next: Transport): Transport {
  const waiting = new Map<string, SsrPayload['answers']>()
  for (const answer of answers) {
    const list = waiting.get(answer.key) ?? []
    list.push(answer)
    waiting.set(answer.key, list)
  }
  return (url, init) => {
    const answer = waiting.get(requestKey(url, init))?.shift()
    if (!answer) return next(url, init)
    return Promise.resolve({ status: answer.status, parsed: answer.body })
  }
}
