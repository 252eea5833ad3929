/**
 * Child widths (percent) of a `horizontal` layout, as json-pollock computes them: `percentages[i]`
 * when given (and non-zero), otherwise an equal share of what the given percentages leave.
 */
export function horizontalWidths(
  count: number,
  percentages: readonly number[] | undefined,
): number[] {
  if (count <= 0) return []
  let fallback = 100 / count
  if (percentages && percentages.length > 0 && percentages.length < count) {
    const given = percentages.reduce((sum, p) => sum + p, 0)
    fallback = Math.max(0, (100 - given) / (count - percentages.length))
  }
  return Array.from({ length: count }, (_, i) => percentages?.[i] || fallback)
}
