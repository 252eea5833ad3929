import { Table, TableCell, TableHeaderCell } from '@/app/components/ui/table'
import { Chip } from '@/app/features/conversation/chip'
import { LongText } from '@/app/features/conversation/long-text'
import { formatAmount, formatNumber } from '@/app/features/conversation/sde-format'
import { yesNo } from '@/app/lib/vocabulary/labels'
import { sdeFieldLabel } from '@/app/lib/vocabulary/sde-fields'
import type { SdeField, SdeProductRow, SdeValue } from '@/domain/engagement-attributes'

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
    <Table caption={label} className="text-xs">
      <thead>
        <tr>
          <TableHeaderCell size="sm">Product</TableHeaderCell>
          {has('category') ? <TableHeaderCell size="sm">Category</TableHeaderCell> : null}
          {has('quantity') ? (
            <TableHeaderCell size="sm" numeric>
              Qty
            </TableHeaderCell>
          ) : null}
          {has('price') ? (
            <TableHeaderCell size="sm" numeric>
              Price
            </TableHeaderCell>
          ) : null}
          {has('statusInStock') || has('quantityInStock') ? (
            <TableHeaderCell size="sm">Stock</TableHeaderCell>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.sku ?? row.name ?? 'row'}-${String(index)}`}>
            <TableCell size="sm">
              <span className="break-words">{row.name ?? '—'}</span>
              {row.sku ? (
                <span className="block font-mono text-slate-600 dark:text-slate-400">
                  {row.sku}
                </span>
              ) : null}
            </TableCell>
            {has('category') ? <TableCell size="sm">{row.category ?? ''}</TableCell> : null}
            {has('quantity') ? (
              <TableCell size="sm" numeric>
                {row.quantity !== undefined ? formatNumber(row.quantity) : ''}
              </TableCell>
            ) : null}
            {has('price') ? (
              <TableCell size="sm" numeric>
                {row.price !== undefined ? formatAmount(row.price, currency) : ''}
              </TableCell>
            ) : null}
            {has('statusInStock') || has('quantityInStock') ? (
              <TableCell size="sm">
                {[
                  row.statusInStock,
                  row.quantityInStock !== undefined
                    ? `${formatNumber(row.quantityInStock)} left`
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </TableCell>
            ) : null}
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** A list of fields as a definition list (also used for nested blocks such as a cart). */
export function SdeFieldList({ fields }: { fields: SdeField[] }) {
  return (
    <dl className="space-y-1.5">
      {fields.map((field) => {
        const label = sdeFieldLabel(field.key)
        return (
          <div key={field.key} className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] gap-x-3">
            <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="min-w-0 text-sm text-slate-900 dark:text-slate-100">
              <SdeValueView value={field.value} label={label} />
            </dd>
          </div>
        )
      })}
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
