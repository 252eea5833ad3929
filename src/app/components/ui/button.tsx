import type { ComponentPropsWithRef } from 'react'
import { cn } from '@/app/lib/cn'

const VARIANTS = {
  primary:
    'border-blue-700 bg-blue-700 text-white hover:bg-blue-800 disabled:border-slate-400 disabled:bg-slate-400 dark:border-blue-500 dark:bg-blue-600 dark:hover:bg-blue-500',
  secondary:
    'border-slate-300 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:disabled:text-slate-500',
  ghost:
    'border-transparent bg-transparent text-slate-700 hover:bg-slate-100 disabled:text-slate-400 dark:text-slate-300 dark:hover:bg-slate-800',
} as const

const SIZES = {
  md: 'px-3 py-1.5 text-sm',
  sm: 'px-2 py-1 text-xs',
} as const

export type ButtonVariant = keyof typeof VARIANTS

/** A button with the app's focus ring; `variant` picks the look, `className` is for layout only. */
export function Button({
  variant = 'secondary',
  size = 'md',
  className,
  type = 'button',
  ...props
}: ComponentPropsWithRef<'button'> & { variant?: ButtonVariant; size?: keyof typeof SIZES }) {
  return (
    <button
      type={type}
      className={cn(
        'inline-flex items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed dark:focus-visible:outline-blue-400',
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  )
}
