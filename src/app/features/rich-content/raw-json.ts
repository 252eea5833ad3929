/** The text for the raw-JSON toggle: the original string, or the content serialised. */
export function rawJson(raw: string | undefined, content: unknown): string {
  if (raw !== undefined) return raw
  if (content === undefined) return '(no JSON available)'
  try {
    return JSON.stringify(content, null, 2) ?? '(the content could not be serialised)'
  } catch {
    return '(the content could not be serialised)'
  }
}
