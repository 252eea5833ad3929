/** Number formatting for engagement-attribute values (en-US, as the rest of the app). */

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 6 })
}

/** `$1,234.50`, or `1,234.50 XYZ` when the code is not a currency Intl knows. */
export function formatAmount(value: number, currency?: string): string {
  if (currency) {
    try {
      return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value)
    } catch {
      return `${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 })} ${currency}`
    }
  }
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 })
}
