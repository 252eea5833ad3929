import type { ScAction } from '@/domain/schema/structured-content'
import { formatPlace } from './coordinates'
import { displayUrl, mapsUrl, safeUrl } from '@/app/lib/safe-url'

const LINK =
  'break-all text-[#0363ad] underline underline-offset-2 hover:text-[#024c85] dark:text-sky-300 dark:hover:text-sky-200'

/** Epoch seconds as an ISO date, or undefined when out of range. */
function isoDate(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined
  const ms = seconds * 1000
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined
  return new Date(ms).toISOString().slice(0, 10)
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function describe(action: ScAction): { label: string; detail: string } | undefined {
  switch (action.type) {
    case 'datePicker': {
      const from = isoDate(action.minDate)
      const to = isoDate(action.maxDate)
      const parts = [
        action.title,
        action.class === 'range' ? 'a date range' : 'a single date',
        from ? `from ${from}` : undefined,
        to ? `until ${to}` : undefined,
        action.dateFormat ? `format ${action.dateFormat}` : undefined,
      ]
      return {
        label: 'date picker',
        detail: `Opens a date picker: ${parts.filter(Boolean).join(', ')}`,
      }
    }
    case 'scheduleSlotList':
      return {
        label: 'schedule slots',
        detail: `Opens a schedule slot list${action.title ? ` "${action.title}"` : ''} with ${String(action.slots.length)} slot(s)`,
      }
    case 'addToCart': {
      const items = action.items
        .map((item) => `${item.productId ?? '?'} × ${String(item.quantity ?? 1)}`)
        .join(', ')
      return { label: 'add to cart', detail: `Adds to the cart: ${items || 'no items'}` }
    }
    case 'custom': {
      const data = action.data.map((d) => `${d.key ?? '?'}=${valueText(d.value)}`).join(', ')
      return { label: 'custom action', detail: `Custom action${data ? `: ${data}` : ''}` }
    }
    case 'unsupported':
      return {
        label: `${action.originalType.slice(0, 40)} action`,
        detail: `An action this viewer does not know: ${action.originalType.slice(0, 200)}`,
      }
    default:
      return undefined
  }
}

/** One click action, inert but informative: what it would send, open or do. */
export function ActionNote({ action }: { action: ScAction }) {
  switch (action.type) {
    case 'publishText':
      return <span className="block">sends &quot;{action.text}&quot;</span>
    case 'checked':
      return null
    case 'submitAsText':
      return <span className="block">sends the checked options as text</span>
    case 'link': {
      const href = safeUrl(action.uri, 'link')
      if (!href) {
        return (
          <span className="block">
            link not opened (not an http(s) address):{' '}
            <code className="break-all">{action.uri}</code>
          </span>
        )
      }
      return (
        <span className="block">
          opens{' '}
          <a href={href} target="_blank" rel="noopener noreferrer" title={href} className={LINK}>
            {action.name ? `${action.name} (${displayUrl(href)})` : displayUrl(href)}
            <span className="sr-only"> (new tab)</span>
          </a>
        </span>
      )
    }
    case 'navigate': {
      const where = formatPlace(action.la, action.lo)
      return (
        <span className="block">
          navigates to{' '}
          <a
            href={mapsUrl(action.la, action.lo)}
            target="_blank"
            rel="noopener noreferrer"
            className={LINK}
          >
            {action.name ? `${action.name} (${where})` : where}
            <span className="sr-only"> on a map (new tab)</span>
          </a>
        </span>
      )
    }
    default: {
      const described = describe(action)
      if (!described) return null
      return (
        <span className="block italic" title={described.detail}>
          {described.label}
          <span className="sr-only">: {described.detail}</span>
        </span>
      )
    }
  }
}
