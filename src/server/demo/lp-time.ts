/** LivePerson's time-string format: `2016-08-29 14:30:24.565+0000` (UTC, space, no colon in the offset). */
function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

function pad3(n: number): string {
  return n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n)
}

const DAY_MS = 86_400_000
let cachedDay = Number.NaN
let cachedPrefix = ''

/** Formats epoch ms as LivePerson does. The date part is cached: most calls share a day. */
export function formatLpTime(ms: number): string {
  const day = Math.floor(ms / DAY_MS)
  if (day !== cachedDay) {
    const d = new Date(day * DAY_MS)
    cachedPrefix = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} `
    cachedDay = day
  }
  let rest = ms - day * DAY_MS
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = Math.floor(rest / 1000)
  return `${cachedPrefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * 1000)}+0000`
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
