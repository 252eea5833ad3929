/**
 * A small seeded PRNG (mulberry32) with the helpers the demo generator needs. Everything random in
 * the demo data comes from here, so the same seed always gives the same data.
 */

/** Mixes integers into one 32-bit seed (splitmix32-style finaliser per part). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    h = (h + 0x6d2b79f5) | 0
  }
  return h >>> 0
}

const HEX = '0123456789abcdef'
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** Picks by weight; `weights[i]` belongs to `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0
    for (const w of weights) total += w
    let r = this.next() * total
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0
      if (r < 0) return items[i] as T
    }
    return this.pick(items)
  }

  /** `k` distinct items in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice()
    const n = Math.min(k, copy.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      const tmp = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = tmp
    }
    return copy.slice(0, n)
  }

  /** A duration around `median` ms with a long tail (log-normal-ish), clamped to [min, max]. */
  duration(median: number, min: number, max: number): number {
    const u = this.next() + this.next() + this.next() - 1.5 // ~N(0, 0.5)
    const value = median * Math.exp(u * 1.4)
    return Math.round(Math.min(max, Math.max(min, value)))
  }

  hex(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += HEX[Math.floor(this.next() * 16)]
    return out
  }

  digits(length: number): string {
    let out = String(this.int(1, 9))
    for (let i = 1; i < length; i++) out += String(this.int(0, 9))
    return out
  }

  /** 32 random bits as 8 hex digits. */
  private hex8(): string {
    const x = Math.floor(this.next() * 4294967296)
    return (
      (BYTE_HEX[x >>> 24] ?? '00') +
      (BYTE_HEX[(x >>> 16) & 255] ?? '00') +
      (BYTE_HEX[(x >>> 8) & 255] ?? '00') +
      (BYTE_HEX[x & 255] ?? '00')
    )
  }

  /** A version-4 shaped UUID. */
  uuid(): string {
    const a = this.hex8()
    const b = this.hex8()
    const c = this.hex8()
    const d = this.hex8()
    const variant = HEX[8 + (parseInt(c[0] ?? '0', 16) & 3)] ?? '8'
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
  }
}
