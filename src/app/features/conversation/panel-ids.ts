/** The side panels of the detail page, in tab order; the `tab` search param names one. */
export const PANEL_IDS = [
  'participants',
  'transfers',
  'co-browse',
  'surveys',
  'summary',
  'attributes',
] as const

export type PanelId = (typeof PANEL_IDS)[number]

export const DEFAULT_PANEL: PanelId = 'participants'

export const PANEL_LABELS: Readonly<Record<PanelId, string>> = {
  participants: 'Participants',
  transfers: 'Transfers',
  'co-browse': 'Co-browse sessions',
  surveys: 'Surveys',
  summary: 'Summary',
  attributes: 'Engagement attributes',
}
