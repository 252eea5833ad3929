import type { TimelineEventKind } from '@/domain/timeline/events'

/** Class names and colours of the transcript: sentiment, stretch bands, event cards (no words). */

/** The MCS band of a message. */
export type Sentiment = 'negative' | 'neutral' | 'positive'

/** The MCS band: 0–33 negative, 34–66 neutral, 67–100 positive. */
export function sentimentOf(mcs: number): Sentiment {
  if (mcs < 34) return 'negative'
  if (mcs > 66) return 'positive'
  return 'neutral'
}

/** The MCS badge's colours, by band. */
export const SENTIMENT_BADGE: Readonly<Record<Sentiment, string>> = {
  negative:
    'border-red-300 bg-red-50 text-red-800 dark:border-red-700 dark:bg-red-950 dark:text-red-200',
  neutral:
    'border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
  positive:
    'border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200',
}

/** The MCS track's dot colours, by band. */
export const SENTIMENT_DOT: Readonly<Record<Sentiment, string>> = {
  negative: 'bg-red-600 dark:bg-red-400',
  neutral: 'bg-slate-500 dark:bg-slate-300',
  positive: 'bg-emerald-600 dark:bg-emerald-400',
}

/** The same colours for a dense track's dots, drawn as SVG strokes. */
export const SENTIMENT_STROKE: Readonly<Record<Sentiment, string>> = {
  negative: 'stroke-red-600 dark:stroke-red-400',
  neutral: 'stroke-slate-500 dark:stroke-slate-300',
  positive: 'stroke-emerald-600 dark:stroke-emerald-400',
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
/** The left band of a queue stretch. */
export const QUEUE_BAND = 'border-l-slate-300 dark:border-l-slate-600'
/** No band (an item outside any stretch). */
export const NO_BAND = 'border-l-transparent'

/** The ownership strip's swatches, by stretch number (as {@link STRETCH_BANDS}). */
export const STRETCH_SWATCHES = [
  'bg-sky-500',
  'bg-violet-500',
  'bg-amber-500',
  'bg-teal-500',
  'bg-rose-500',
  'bg-lime-600',
] as const
/** The swatch of a queue stretch. */
export const QUEUE_SWATCH = 'bg-slate-300 dark:bg-slate-600'

/** The band colour of the n-th assigned stretch (queue stretches do not use up a colour). */
export function bandClass(assignedNumber: number | undefined): string {
  if (assignedNumber === undefined) return QUEUE_BAND
  return STRETCH_BANDS[assignedNumber % STRETCH_BANDS.length] ?? QUEUE_BAND
}

/** The swatch colour of the n-th assigned stretch. */
export function swatchClass(assignedNumber: number | undefined): string {
  if (assignedNumber === undefined) return QUEUE_SWATCH
  return STRETCH_SWATCHES[assignedNumber % STRETCH_SWATCHES.length] ?? QUEUE_SWATCH
}

const PEOPLE =
  'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100'
const ROUTING =
  'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100'
const DIALOG =
  'border-violet-300 bg-violet-50 text-violet-950 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-100'
const COBROWSE =
  'border-teal-300 bg-teal-50 text-teal-950 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100'
const DATA =
  'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'

/** An event card's colours, by the event's kind. */
export const EVENT_STYLES: Readonly<Record<TimelineEventKind, string>> = {
  'agent-joined': PEOPLE,
  'agent-left': PEOPLE,
  assigned: PEOPLE,
  transfer: ROUTING,
  'skill-change': ROUTING,
  'dialog-started': DIALOG,
  'dialog-ended': DIALOG,
  'conversation-closed': DIALOG,
  survey: DIALOG,
  'agent-survey': DIALOG,
  'cobrowse-start': COBROWSE,
  'cobrowse-end': COBROWSE,
  sde: DATA,
}
