/** Joins full Tailwind class names (never builds one by interpolation). */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ')
}
