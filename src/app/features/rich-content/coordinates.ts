/** A latitude or longitude for reading: at most 6 decimals (about 10 cm), no trailing zeros. */
export function formatCoordinate(value: number): string {
  // `Number` drops the zeros `toFixed` pads with (and turns -0 into 0).
  return String(Number(value.toFixed(6)))
}

/** `41.878113, -87.6698`: a place as text. The maps link keeps the full precision. */
export function formatPlace(la: number, lo: number): string {
  return `${formatCoordinate(la)}, ${formatCoordinate(lo)}`
}
