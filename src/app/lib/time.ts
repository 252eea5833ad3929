/** Which clock every time in the app is shown in. */
export type TimeZoneSetting = 'local' | 'utc'

function zoneOption(zone: TimeZoneSetting): string | undefined {
  return zone === 'utc' ? 'UTC' : undefined
}

/** The name of the zone, for exports and tooltips ("UTC", "Europe/Berlin"). */
export function zoneName(zone: TimeZoneSetting): string {
  return zone === 'utc' ? 'UTC' : Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** Building an Intl formatter is costly (milliseconds); keep one per zone. */
const formatters = new Map<TimeZoneSetting, Intl.DateTimeFormat>()

function formatterFor(zone: TimeZoneSetting): Intl.DateTimeFormat {
  let formatter = formatters.get(zone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone: zoneOption(zone),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
    formatters.set(zone, formatter)
  }
  return formatter
}

/** 2026-11-27 14:03:09 in the chosen zone (ISO-like, sortable, unambiguous). */
export function formatDateTime(ms: number, zone: TimeZoneSetting): string {
  const parts = formatterFor(zone).formatToParts(new Date(ms))
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`
}

export function formatDate(ms: number, zone: TimeZoneSetting): string {
  return formatDateTime(ms, zone).slice(0, 10)
}

export function formatTime(ms: number, zone: TimeZoneSetting): string {
  return formatDateTime(ms, zone).slice(11)
}

/** 1 h 02 min, 3 min 05 s, 42 s. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  const totalSeconds = Math.round(ms / 1000)
  const days = Math.floor(totalSeconds / 86_400)
  const hours = Math.floor((totalSeconds % 86_400) / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (days > 0) return `${days} d ${hours} h`
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`
  return `${seconds} s`
}
