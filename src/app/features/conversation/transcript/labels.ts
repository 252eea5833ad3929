import type { EventType, SpeakerRole } from '@/domain/timeline'

export const ROLE_LABELS: Readonly<Record<SpeakerRole, string>> = {
  consumer: 'Consumer',
  agent: 'Agent',
  bot: 'Bot',
  manager: 'Manager',
  system: 'System',
}

export const EVENT_LABELS: Readonly<Record<EventType, string>> = {
  'agent-joined': 'Joined',
  'agent-left': 'Left',
  assigned: 'Assignment',
  transfer: 'Transfer',
  'skill-change': 'Skill change',
  dialog: 'Dialog',
  'cobrowse-start': 'Co-browse',
  'cobrowse-end': 'Co-browse',
  sde: 'Engagement attributes',
  survey: 'Survey',
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  ACCEPT: 'Accepted',
  ACCEPTED: 'Accepted',
  READ: 'Read',
  SENT: 'Sent',
  ACTION: 'Acted on',
  NACK: 'Not delivered',
}

/** `ACCEPT` → `Accepted`; unknown codes in words. */
export function statusLabel(status: string): string {
  const known = STATUS_LABELS[status.toUpperCase()]
  if (known) return known
  const words = status.replace(/_/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export type Sentiment = 'negative' | 'neutral' | 'positive'

/** The MCS band: 0–33 negative, 34–66 neutral, 67–100 positive. */
export function sentimentOf(mcs: number): Sentiment {
  if (mcs < 34) return 'negative'
  if (mcs > 66) return 'positive'
  return 'neutral'
}

export const SENTIMENT_BADGE: Readonly<Record<Sentiment, string>> = {
  negative:
    'border-red-300 bg-red-50 text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200',
  neutral:
    'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
  positive:
    'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200',
}

export const SENTIMENT_DOT: Readonly<Record<Sentiment, string>> = {
  negative: 'bg-red-600 dark:bg-red-400',
  neutral: 'bg-slate-500 dark:bg-slate-300',
  positive: 'bg-emerald-600 dark:bg-emerald-400',
}

/** Left bands for agent stretches, by stretch number; queue stretches get {@link QUEUE_BAND}. */
export const STRETCH_BANDS = [
  'border-l-sky-500',
  'border-l-violet-500',
  'border-l-amber-500',
  'border-l-teal-500',
  'border-l-rose-500',
  'border-l-lime-600',
] as const
export const QUEUE_BAND = 'border-l-slate-300 dark:border-l-slate-600'
export const NO_BAND = 'border-l-transparent'

export const STRETCH_SWATCHES = [
  'bg-sky-500',
  'bg-violet-500',
  'bg-amber-500',
  'bg-teal-500',
  'bg-rose-500',
  'bg-lime-600',
] as const
export const QUEUE_SWATCH = 'bg-slate-300 dark:bg-slate-600'

/** The band colour of the n-th assigned stretch (queue stretches do not use up a colour). */
export function bandClass(assignedNumber: number | undefined): string {
  if (assignedNumber === undefined) return QUEUE_BAND
  return STRETCH_BANDS[assignedNumber % STRETCH_BANDS.length] ?? QUEUE_BAND
}

export function swatchClass(assignedNumber: number | undefined): string {
  if (assignedNumber === undefined) return QUEUE_SWATCH
  return STRETCH_SWATCHES[assignedNumber % STRETCH_SWATCHES.length] ?? QUEUE_SWATCH
}
