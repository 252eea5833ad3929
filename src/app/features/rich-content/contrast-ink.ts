/**
 * A readable ink for text on a background colour that content sets (white on dark, near-black on
 * light), picked by WCAG relative luminance and contrast ratio.
 */

export const LIGHT_INK = '#ffffff'
export const DARK_INK = '#111827'

interface Rgba {
  r: number
  g: number
  b: number
  a: number
}

/** CSS named colours (the content schema allows any `[a-z]` name; unknown ones are ignored). */
// prettier-ignore
const NAMED: Readonly<Record<string, number>> = {
  aliceblue: 0xf0f8ff, antiquewhite: 0xfaebd7, aqua: 0x00ffff, aquamarine: 0x7fffd4,
  azure: 0xf0ffff, beige: 0xf5f5dc, bisque: 0xffe4c4, black: 0x000000, blanchedalmond: 0xffebcd,
  blue: 0x0000ff, blueviolet: 0x8a2be2, brown: 0xa52a2a, burlywood: 0xdeb887, cadetblue: 0x5f9ea0,
  chartreuse: 0x7fff00, chocolate: 0xd2691e, coral: 0xff7f50, cornflowerblue: 0x6495ed,
  cornsilk: 0xfff8dc, crimson: 0xdc143c, cyan: 0x00ffff, darkblue: 0x00008b, darkcyan: 0x008b8b,
  darkgoldenrod: 0xb8860b, darkgray: 0xa9a9a9, darkgreen: 0x006400, darkgrey: 0xa9a9a9,
  darkkhaki: 0xbdb76b, darkmagenta: 0x8b008b, darkolivegreen: 0x556b2f, darkorange: 0xff8c00,
  darkorchid: 0x9932cc, darkred: 0x8b0000, darksalmon: 0xe9967a, darkseagreen: 0x8fbc8f,
  darkslateblue: 0x483d8b, darkslategray: 0x2f4f4f, darkslategrey: 0x2f4f4f,
  darkturquoise: 0x00ced1, darkviolet: 0x9400d3, deeppink: 0xff1493, deepskyblue: 0x00bfff,
  dimgray: 0x696969, dimgrey: 0x696969, dodgerblue: 0x1e90ff, firebrick: 0xb22222,
  floralwhite: 0xfffaf0, forestgreen: 0x228b22, fuchsia: 0xff00ff, gainsboro: 0xdcdcdc,
  ghostwhite: 0xf8f8ff, gold: 0xffd700, goldenrod: 0xdaa520, gray: 0x808080, green: 0x008000,
  greenyellow: 0xadff2f, grey: 0x808080, honeydew: 0xf0fff0, hotpink: 0xff69b4,
  indianred: 0xcd5c5c, indigo: 0x4b0082, ivory: 0xfffff0, khaki: 0xf0e68c, lavender: 0xe6e6fa,
  lavenderblush: 0xfff0f5, lawngreen: 0x7cfc00, lemonchiffon: 0xfffacd, lightblue: 0xadd8e6,
  lightcoral: 0xf08080, lightcyan: 0xe0ffff, lightgoldenrodyellow: 0xfafad2, lightgray: 0xd3d3d3,
  lightgreen: 0x90ee90, lightgrey: 0xd3d3d3, lightpink: 0xffb6c1, lightsalmon: 0xffa07a,
  lightseagreen: 0x20b2aa, lightskyblue: 0x87cefa, lightslategray: 0x778899,
  lightslategrey: 0x778899, lightsteelblue: 0xb0c4de, lightyellow: 0xffffe0, lime: 0x00ff00,
  limegreen: 0x32cd32, linen: 0xfaf0e6, magenta: 0xff00ff, maroon: 0x800000,
  mediumaquamarine: 0x66cdaa, mediumblue: 0x0000cd, mediumorchid: 0xba55d3, mediumpurple: 0x9370db,
  mediumseagreen: 0x3cb371, mediumslateblue: 0x7b68ee, mediumspringgreen: 0x00fa9a,
  mediumturquoise: 0x48d1cc, mediumvioletred: 0xc71585, midnightblue: 0x191970,
  mintcream: 0xf5fffa, mistyrose: 0xffe4e1, moccasin: 0xffe4b5, navajowhite: 0xffdead,
  navy: 0x000080, oldlace: 0xfdf5e6, olive: 0x808000, olivedrab: 0x6b8e23, orange: 0xffa500,
  orangered: 0xff4500, orchid: 0xda70d6, palegoldenrod: 0xeee8aa, palegreen: 0x98fb98,
  paleturquoise: 0xafeeee, palevioletred: 0xdb7093, papayawhip: 0xffefd5, peachpuff: 0xffdab9,
  peru: 0xcd853f, pink: 0xffc0cb, plum: 0xdda0dd, powderblue: 0xb0e0e6, purple: 0x800080,
  rebeccapurple: 0x663399, red: 0xff0000, rosybrown: 0xbc8f8f, royalblue: 0x4169e1,
  saddlebrown: 0x8b4513, salmon: 0xfa8072, sandybrown: 0xf4a460, seagreen: 0x2e8b57,
  seashell: 0xfff5ee, sienna: 0xa0522d, silver: 0xc0c0c0, skyblue: 0x87ceeb, slateblue: 0x6a5acd,
  slategray: 0x708090, slategrey: 0x708090, snow: 0xfffafa, springgreen: 0x00ff7f,
  steelblue: 0x4682b4, tan: 0xd2b48c, teal: 0x008080, thistle: 0xd8bfd8, tomato: 0xff6347,
  turquoise: 0x40e0d0, violet: 0xee82ee, wheat: 0xf5deb3, white: 0xffffff, whitesmoke: 0xf5f5f5,
  yellow: 0xffff00, yellowgreen: 0x9acd32,
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n))

/** `50%` of `scale`, or a plain number; NaN when it is neither. */
function amount(token: string, scale: number): number {
  if (token.endsWith('%')) return (Number(token.slice(0, -1)) / 100) * scale
  return Number(token)
}

function fromHex(hex: string): Rgba | undefined {
  if (!/^[0-9a-f]+$/.test(hex)) return undefined
  const digits = hex.length <= 4 ? [...hex].map((d) => d + d).join('') : hex
  if (digits.length !== 6 && digits.length !== 8) return undefined
  const channel = (i: number) => Number.parseInt(digits.slice(i, i + 2), 16)
  return {
    r: channel(0),
    g: channel(2),
    b: channel(4),
    a: digits.length === 8 ? channel(6) / 255 : 1,
  }
}

function fromHsl(h: number, s: number, l: number): [number, number, number] {
  const hue = (((h % 360) + 360) % 360) / 30
  const chroma = s * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + hue) % 12
    return 255 * (l - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1)))
  }
  return [f(0), f(8), f(4)]
}

function fromFunction(name: string, args: string): Rgba | undefined {
  const tokens = args.split(/[\s,/]+/).filter((t) => t !== '')
  if (tokens.length !== 3 && tokens.length !== 4) return undefined
  const [t1 = '', t2 = '', t3 = '', t4 = '1'] = tokens
  const a = amount(t4, 1)
  let rgb: [number, number, number]
  if (name.startsWith('rgb')) {
    rgb = [amount(t1, 255), amount(t2, 255), amount(t3, 255)]
  } else {
    rgb = fromHsl(Number(t1), clamp(amount(t2, 1), 0, 1), clamp(amount(t3, 1), 0, 1))
  }
  if (![...rgb, a].every((n) => Number.isFinite(n))) return undefined
  const [r, g, b] = rgb
  return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a: clamp(a, 0, 1) }
}

/** A colour the content schema allows (hex, a name, rgb()/hsl()) as RGBA, or undefined. */
export function parseColor(color: string): Rgba | undefined {
  const value = color.trim().toLowerCase()
  if (value.startsWith('#')) return fromHex(value.slice(1))
  const fn = /^(rgba?|hsla?)\((.*)\)$/.exec(value)
  if (fn) return fromFunction(fn[1] ?? '', fn[2] ?? '')
  if (!Object.hasOwn(NAMED, value)) return undefined
  const n = NAMED[value] ?? 0
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 1 }
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const linear = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/** WCAG 2 contrast ratio of two luminances, 1 to 21. */
export function contrastRatio(l1: number, l2: number): number {
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05)
}

const LIGHT = relativeLuminance({ r: 255, g: 255, b: 255 })
const DARK = relativeLuminance({ r: 0x11, g: 0x18, b: 0x27 })

/**
 * The ink with the higher contrast on `background`: {@link LIGHT_INK} or {@link DARK_INK}.
 * Undefined when the colour is not opaque or not understood (`transparent`, `currentcolor`): what
 * shows through is unknown, so the caller keeps its usual ink.
 */
export function readableInk(background: string): string | undefined {
  const rgba = parseColor(background)
  if (!rgba || rgba.a < 1) return undefined
  const l = relativeLuminance(rgba)
  return contrastRatio(l, LIGHT) >= contrastRatio(l, DARK) ? LIGHT_INK : DARK_INK
}
