import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from '@/app/components/ui/button'
import type { ResultsTableInstance } from '@/app/features/search/results-table'

/** "Columns": show or hide columns (the choice is remembered in this browser). */
export function ColumnPicker({ table }: { table: ResultsTableInstance }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide())
  const hidden = columns.filter((column) => !column.getIsVisible()).length
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false)
      buttonRef.current?.focus()
    }
  }
  return (
    <div className="relative">
      <Button
        ref={buttonRef}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        onKeyDown={closeOnEscape}
      >
        Columns{hidden > 0 ? ` (${String(hidden)} hidden)` : ''}
      </Button>
      <fieldset
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-slate-300 bg-white p-3 shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        <legend className="sr-only">Visible columns</legend>
        <ul className="space-y-1">
          {columns.map((column) => (
            <li key={column.id}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  onChange={(event) => column.toggleVisibility(event.target.checked)}
                  onKeyDown={closeOnEscape}
                  className="size-4 accent-blue-700 dark:accent-blue-400"
                />
                {column.columnDef.meta?.label ?? column.id}
              </label>
            </li>
          ))}
        </ul>
        <Button
          size="sm"
          variant="ghost"
          className="mt-2"
          disabled={hidden === 0}
          onClick={() => table.resetColumnVisibility(true)}
          onKeyDown={closeOnEscape}
        >
          Show all
        </Button>
      </fieldset>
    </div>
  )
}
