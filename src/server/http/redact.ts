/** Replaces every secret value in a log line with `[redacted]`. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const list = [...new Set(secrets.filter((s) => s.length >= 4))].sort(
    (a, b) => b.length - a.length,
  )
  return (text) => list.reduce((out, secret) => out.split(secret).join('[redacted]'), text)
}
