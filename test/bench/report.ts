import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

/**
 * The one benchmark report: every figure is its runs' median with min and max; a browser figure
 * also carries the floor page's runs from the same run of the bench, and their ratio.
 */

export type Unit = 'ms' | 'B' | 'MB' | 'req/s' | 'conversations/s' | 'count'

export interface Target {
  /** `max`: the median must be at most `value`; `min`: at least. */
  kind: 'max' | 'min'
  value: number
  /** For ratio targets: compare the ratio to the floor, not the figure itself. */
  ratio?: boolean
}

export interface Figure {
  section: string
  name: string
  unit: Unit
  runs: number[]
  floor?: number[]
  target?: Target
  note?: string
}

export interface Summary {
  median: number
  min: number
  max: number
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[mid] ?? Number.NaN)
        : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? Number.NaN
}

const number = (n: number, digits: number) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–'

function show(n: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${number(n, n < 100 ? 1 : 0)} ms`
    case 'B':
      return `${number(n / 1000, 1)} kB`
    case 'MB':
      return `${number(n / 1e6, 0)} MB`
    case 'req/s':
      return `${number(n, 0)} req/s`
    case 'conversations/s':
      return `${number(n, 0)}/s`
    case 'count':
      return number(n, 0)
  }
}

export function ratioOf(figure: Figure): number | undefined {
  if (!figure.floor || figure.floor.length === 0) return undefined
  return summarise(figure.runs).median / summarise(figure.floor).median
}

export function verdict(figure: Figure): 'met' | 'MISSED' | '' {
  const { target } = figure
  if (!target) return ''
  const value = target.ratio ? ratioOf(figure) : summarise(figure.runs).median
  if (value === undefined || !Number.isFinite(value)) return 'MISSED'
  return (target.kind === 'max' ? value <= target.value : value >= target.value) ? 'met' : 'MISSED'
}

function targetText(figure: Figure): string {
  const { target } = figure
  if (!target) return ''
  const sign = target.kind === 'max' ? '≤' : '≥'
  return target.ratio
    ? `${sign} ${number(target.value, 1)}× floor`
    : `${sign} ${show(target.value, figure.unit)}`
}

/** The report as a Markdown table, one row a figure. */
export function markdownTable(figures: readonly Figure[]): string {
  const lines = [
    '| section | measure | median | min – max | runs | floor (median) | ratio | target | |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ]
  for (const figure of figures) {
    const s = summarise(figure.runs)
    const ratio = ratioOf(figure)
    const floor = figure.floor ? show(summarise(figure.floor).median, figure.unit) : ''
    const name = figure.note ? `${figure.name} (${figure.note})` : figure.name
    lines.push(
      `| ${figure.section} | ${name} | ${show(s.median, figure.unit)} | ${show(s.min, figure.unit)} – ${show(s.max, figure.unit)} | ${String(figure.runs.length)} | ${floor} | ${ratio === undefined ? '' : `${number(ratio, 2)}×`} | ${targetText(figure)} | ${verdict(figure)} |`,
    )
  }
  return lines.join('\n')
}

export interface ReportMeta {
  conversations: number
  node: string
  cpus: number
  startedAt: string
  minutes: number
  /** Lines under the heading (figures measured apart from the rest, and when). */
  notes?: string[]
}

const UNITS = ['ms', 'B', 'MB', 'req/s', 'conversations/s', 'count'] as const satisfies Unit[]
const reportFileSchema = z.object({
  meta: z.object({
    conversations: z.number(),
    node: z.string(),
    cpus: z.number(),
    startedAt: z.string(),
    minutes: z.number(),
    notes: z.array(z.string()).optional(),
  }),
  figures: z.array(
    z.object({
      section: z.string(),
      name: z.string(),
      unit: z.enum(UNITS),
      runs: z.array(z.number()),
      floor: z.array(z.number()).optional(),
      target: z
        .object({
          kind: z.enum(['max', 'min']),
          value: z.number(),
          ratio: z.boolean().optional(),
        })
        .optional(),
      note: z.string().optional(),
    }),
  ),
})

/** The last `bench-results/report.json` (its figures and meta), or undefined when none. */
export function readReport(root: string): { meta: ReportMeta; figures: Figure[] } | undefined {
  let text: string
  try {
    text = readFileSync(join(root, 'bench-results', 'report.json'), 'utf8')
  } catch {
    return undefined
  }
  const parsed = reportFileSchema.safeParse(JSON.parse(text))
  if (!parsed.success) return undefined
  const figures = parsed.data.figures.map((figure): Figure => {
    const out: Figure = {
      section: figure.section,
      name: figure.name,
      unit: figure.unit,
      runs: figure.runs,
    }
    if (figure.floor) out.floor = figure.floor
    if (figure.target) {
      out.target = { kind: figure.target.kind, value: figure.target.value }
      if (figure.target.ratio !== undefined) out.target.ratio = figure.target.ratio
    }
    if (figure.note !== undefined) out.note = figure.note
    return out
  })
  const meta: ReportMeta = { ...parsed.data.meta }
  if (meta.notes === undefined) delete meta.notes
  return { meta, figures }
}

/** Writes `bench-results/report.md` and `report.json` and returns the Markdown. */
export function writeReport(root: string, figures: readonly Figure[], meta: ReportMeta): string {
  const dir = join(root, 'bench-results')
  mkdirSync(dir, { recursive: true })
  const table = markdownTable(figures)
  const markdown = [
    '# Conversation Viewer benchmark',
    '',
    `${meta.conversations.toLocaleString('en-US')} demo conversations; Node ${meta.node}; ${String(meta.cpus)} CPUs; started ${meta.startedAt}, took ${number(meta.minutes, 1)} min. Each figure is the median of its runs, with min and max; a ratio is ours over the floor page's median in the same run.`,
    '',
    ...(meta.notes ?? []).flatMap((note) => [note, '']),
    table,
    '',
  ].join('\n')
  writeFileSync(join(dir, 'report.md'), markdown)
  writeFileSync(
    join(dir, 'report.json'),
    `${JSON.stringify(
      {
        meta,
        figures: figures.map((f) => ({
          ...f,
          summary: summarise(f.runs),
          floorSummary: f.floor ? summarise(f.floor) : undefined,
          ratio: ratioOf(f),
          verdict: verdict(f),
        })),
      },
      null,
      2,
    )}\n`,
  )
  return table
}
