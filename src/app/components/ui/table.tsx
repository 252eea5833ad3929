import type { ComponentPropsWithRef, ReactNode } from 'react'
import { cn } from '@/app/lib/cn'

const CELL_SIZES = {
  /** The results list: room to scan and click. */
  md: 'px-3 py-2',
  /** A table inside a panel: dense, ruled rows. */
  sm: 'border-b border-slate-200 px-1.5 py-1 align-top dark:border-slate-700',
} as const

export type TableSize = keyof typeof CELL_SIZES

interface CellLook {
  size?: TableSize
  /** Right-aligned figures in tabular digits. */
  numeric?: boolean
  /** Keep the cell on one line. */
  nowrap?: boolean
}

function cellClasses({ size = 'md', numeric = false, nowrap = false }: CellLook) {
  return cn(
    CELL_SIZES[size],
    numeric ? 'text-right tabular-nums' : 'text-left',
    nowrap && 'whitespace-nowrap',
  )
}

/**
 * A data table that scrolls sideways on a narrow screen, with a caption that names it for
 * screen readers (visually hidden: the heading above it names it for the eye).
 */
export function Table({
  caption,
  framed = false,
  className,
  children,
  ...props
}: ComponentPropsWithRef<'table'> & {
  caption: ReactNode
  /** A rounded border around the whole table. */
  framed?: boolean
}) {
  return (
    <div
      className={cn(
        'overflow-x-auto',
        framed && 'rounded-lg border border-slate-200 dark:border-slate-800',
      )}
    >
      <table className={cn('w-full border-collapse text-left', className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  )
}

/** A column header cell (`scope="col"`). */
export function TableHeaderCell({
  size,
  numeric,
  nowrap,
  className,
  ...props
}: ComponentPropsWithRef<'th'> & CellLook) {
  return (
    <th scope="col" className={cn(cellClasses({ size, numeric, nowrap }), className)} {...props} />
  )
}

/** A body cell. */
export function TableCell({
  size,
  numeric,
  nowrap,
  className,
  ...props
}: ComponentPropsWithRef<'td'> & CellLook) {
  return (
    <td className={cn(cellClasses({ size, numeric, nowrap }), 'align-top', className)} {...props} />
  )
}
