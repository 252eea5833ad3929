import type { ReactNode } from 'react'
import { cn } from '@/app/lib/cn'

const TONES = {
  neutral: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200',
  success: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  outline:
    'border border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200',
} as const

const SHAPES = {
  /** A state, such as Open or Closed. */
  tag: 'rounded px-1.5 py-0.5 font-medium',
  /** A keyword, a capability, an intent. */
  pill: 'inline-block rounded-full px-2 py-0.5',
} as const

const SIZES = { sm: 'text-xs', md: 'text-sm' } as const

export type BadgeTone = keyof typeof TONES

/** A small label beside text; `tone` says what kind of thing it is, `className` is for layout. */
export function Badge({
  tone = 'neutral',
  shape = 'tag',
  size = 'sm',
  className,
  children,
}: {
  tone?: BadgeTone
  shape?: keyof typeof SHAPES
  size?: keyof typeof SIZES
  className?: string
  children: ReactNode
}) {
  return <span className={cn(SIZES[size], SHAPES[shape], TONES[tone], className)}>{children}</span>
}
