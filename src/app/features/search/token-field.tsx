import { useId, useState, type KeyboardEvent } from 'react'
import { INPUT_CLASSES, LABEL_CLASSES } from '@/app/components/ui/input-classes'
import { FieldError } from '@/app/components/ui/field-error'
import { cn } from '@/app/lib/cn'

export interface TokenOption {
  id: string
  name?: string | undefined
  detail?: string | undefined
}

const MAX_SUGGESTIONS = 8

/**
 * A multi-value field (agents, skills, agent groups): pick by name from `options` with
 * autocomplete (an ARIA 1.2 combobox with a listbox popup), or type any ID and press Enter.
 * Chosen values show as removable chips; Backspace in the empty box removes the last one.
 */
export function TokenField({
  label,
  noun,
  values,
  options,
  onChange,
  error,
  placeholder = 'Name or ID',
}: {
  label: string
  /** Singular, lower case: "agent" (used in "Remove agent Ada"). */
  noun: string
  values: readonly string[]
  options: readonly TokenOption[]
  onChange: (values: string[]) => void
  error?: string | undefined
  placeholder?: string
}) {
  const id = useId()
  const listId = `${id}-list`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  const byId = new Map(options.map((option) => [option.id, option]))
  const nameOf = (value: string) => byId.get(value)?.name ?? value
  const query = text.trim().toLowerCase()
  const suggestions = options
    .filter((option) => !values.includes(option.id))
    .filter(
      (option) =>
        query === '' ||
        option.id.toLowerCase().includes(query) ||
        (option.name?.toLowerCase().includes(query) ?? false) ||
        (option.detail?.toLowerCase().includes(query) ?? false),
    )
    .slice(0, MAX_SUGGESTIONS)
  const expanded = open && suggestions.length > 0
  const activeOption = expanded ? suggestions[active] : undefined

  const add = (value: string) => {
    const trimmed = value.trim()
    if (trimmed && !values.includes(trimmed)) onChange([...values, trimmed])
    setText('')
    setActive(-1)
    setOpen(false)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      if (suggestions.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (current + step + suggestions.length) % suggestions.length)
    } else if (event.key === 'Enter') {
      if (activeOption) {
        event.preventDefault()
        add(activeOption.id)
      } else if (text.trim()) {
        event.preventDefault()
        add(text)
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1))
    }
  }

  return (
    <div className="relative">
      <label htmlFor={id} className={LABEL_CLASSES}>
        {label}
      </label>
      {values.length > 0 ? (
        <ul aria-label={`Chosen ${label.toLowerCase()}`} className="mt-1 flex flex-wrap gap-1">
          {values.map((value) => (
            <li
              key={value}
              className="inline-flex items-center gap-1 rounded-full bg-blue-100 py-0.5 pr-1 pl-2 text-xs text-blue-900 dark:bg-blue-950 dark:text-blue-100"
            >
              <span title={value}>{nameOf(value)}</span>
              <button
                type="button"
                aria-label={`Remove ${noun} ${nameOf(value)}`}
                onClick={() => onChange(values.filter((v) => v !== value))}
                className="rounded-full px-1 leading-none hover:bg-blue-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-blue-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${listId}-${String(active)}` : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        value={text}
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onBlur={() => {
          setOpen(false)
          setActive(-1)
        }}
        onKeyDown={onKeyDown}
        className={cn('mt-1', INPUT_CLASSES)}
      />
      <p id={hintId} className="sr-only">
        Type a name to see suggestions, or an ID, then press Enter to add it.
      </p>
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
      >
        {suggestions.map((option, index) => (
          // Options never take focus: the keyboard works on the combobox (aria-activedescendant).
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={option.id}
            id={`${listId}-${String(index)}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => add(option.id)}
            className="flex cursor-pointer items-baseline justify-between gap-2 px-2 py-1 aria-selected:bg-blue-100 hover:bg-slate-100 dark:aria-selected:bg-blue-950 dark:hover:bg-slate-800"
          >
            <span>{option.name ?? option.id}</span>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {option.detail ?? option.id}
            </span>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} message={error} />
    </div>
  )
}
