import { Chip } from '@/app/features/conversation/chip'
import { LongText } from '@/app/features/conversation/long-text'
import { formatAmount, formatNumber } from '@/app/features/conversation/sde-format'
import { yesNo } from '@/app/lib/vocabulary/labels'
import type { SdeField, SdeProductRow, SdeValue } from '@/domain/engagement-attributes'

const CELL = 'border-b border-slate-200 px-1.5 py-1 text-left align-top dark:border-slate-700'

function ProductsTable({
  rows,
  currency,
  label,
}: {
  rows: SdeProductRow[]
  currency?: string
  label: string
}) {
  const has = (key: keyof SdeProductRow) => rows.some((row) => row[key] !== undefined)
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-xs">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Product
            </th>
            {has('category') ? (
              <th scope="col" className={CELL}>
                Category
              </th>
            ) : null}
            {has('quantity') ? (
              <th scope="col" className={`${CELL} text-right`}>
                Qty
              </th>
            ) : null}
            {has('price') ? (
              <th scope="col" className={`${CELL} text-right`}>
                Price
              </th>
            ) : null}
            {has('statusInStock') || has('quantityInStock') ? (
              <th scope="col" className={CELL}>
                Stock
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={`${row.sku ?? row.name ?? 'row'}-${String(index)}`}>
              <td className={CELL}>
                <span className="break-words">{row.name ?? '—'}</span>
                {row.sku ? (
                  <span className="block font-mono text-slate-600 dark:text-slate-400">
                    {row.sku}
                  </span>
                ) : null}
              </td>
              {has('category') ? <td className={CELL}>{row.category ?? ''}</td> : null}
              {has('quantity') ? (
                <td className={`${CELL} text-right tabular-nums`}>
                  {row.quantity !== undefined ? formatNumber(row.quantity) : ''}
                </td>
              ) : null}
              {has('price') ? (
                <td className={`${CELL} text-right tabular-nums`}>
                  {row.price !== undefined ? formatAmount(row.price, currency) : ''}
                </td>
              ) : null}
              {has('statusInStock') || has('quantityInStock') ? (
                <td className={CELL}>
                  {[
                    row.statusInStock,
                    row.quantityInStock !== undefined
                      ? `${formatNumber(row.quantityInStock)} left`
                      : undefined,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A list of fields as a definition list (also used for nested blocks such as a cart). */
export function SdeFieldList({ fields }: { fields: SdeField[] }) {
  return (
    <dl className="space-y-1.5">
      {fields.map((field) => (
        <div key={field.key} className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] gap-x-3">
          <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{field.label}</dt>
          <dd className="min-w-0 text-sm text-slate-900 dark:text-slate-100">
            <SdeValueView value={field.value} label={field.label} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** One typed engagement-attribute value, rendered by its kind; text is always text. */
export function SdeValueView({ value, label }: { value: SdeValue; label: string }) {
  switch (value.kind) {
    case 'text':
      return <LongText text={value.text} label={label} />
    case 'number':
      return <span className="tabular-nums">{formatNumber(value.value)}</span>
    case 'boolean':
      return <span>{yesNo(value.value)}</span>
    case 'amount':
      return <span className="tabular-nums">{formatAmount(value.value, value.currency)}</span>
    case 'date':
      return value.year !== undefined && value.month !== undefined && value.day !== undefined ? (
        <time dateTime={value.text}>{value.text}</time>
      ) : (
        <span>{value.text}</span>
      )
    case 'products':
      return <ProductsTable rows={value.rows} currency={value.currency} label={label} />
    case 'keywords':
      return (
        <ul className="flex flex-wrap gap-1.5" aria-label={label}>
          {value.keywords.map((keyword, index) => (
            <li key={`${keyword}-${String(index)}`}>
              <Chip>{keyword}</Chip>
            </li>
          ))}
        </ul>
      )
    case 'contacts':
      return (
        <ul className="space-y-1" aria-label={label}>
          {value.contacts.map((contact, index) => (
            <li key={String(index)} className="break-words">
              {[contact.email, contact.phone, contact.address].filter(Boolean).join(' · ')}
            </li>
          ))}
        </ul>
      )
    case 'fields':
      return (
        <div className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <SdeFieldList fields={value.fields} />
        </div>
      )
  }
}
