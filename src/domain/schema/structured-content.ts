/**
 * LivePerson Structured Content (rich messages): the schema and a tolerant parser.
 *
 * The element catalogue follows json-pollock's JSON Schema (reference §7). The parser is tolerant
 * in the way a history viewer needs: every element is validated on its own, an invalid or unknown
 * element becomes an `unsupported` node (its siblings still render) and an issue, optional fields
 * with a bad value are dropped instead of failing their element, and, like json-pollock, only the
 * first 50 elements are kept.
 */
import { z } from 'zod'
import { decodeCharacterReferences } from '@/domain/html-text'
import { parseFast, tryParse } from '@/domain/schema/fast-path-switch'

/** json-pollock's default `maxAllowedElements`: elements beyond it are not rendered. */
export const MAX_RENDERED_ELEMENTS = 50
/** Guards the recursive walk against absurd nesting (json-pollock has no such limit). */
const MAX_DEPTH = 32

function optional<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined)
}

// ---------------------------------------------------------------------------------------------
// Style

/** Hex, a named colour, or an rgb()/hsl() function: nothing that could smuggle `url(...)`. */
const COLOR_RE = /^(#[0-9a-f]{3,8}|[a-z]{3,30}|(rgb|rgba|hsl|hsla)\([0-9\s.,%/+-]{1,60}\))$/i
const colorSchema = z.string().trim().max(256).regex(COLOR_RE)

export const scStyleSchema = z.object({
  bold: optional(z.boolean()),
  italic: optional(z.boolean()),
  color: optional(colorSchema),
  'background-color': optional(colorSchema),
  size: optional(z.enum(['small', 'medium', 'large'])),
  'border-color': optional(colorSchema),
  'border-radius': optional(z.number().min(0).max(1000)),
  'border-color-selected': optional(colorSchema),
  'color-active': optional(colorSchema),
  'background-color-active': optional(colorSchema),
})
export type ScStyle = z.infer<typeof scStyleSchema>

// ---------------------------------------------------------------------------------------------
// Accessibility (`accessibility.web`): json-pollock's allow-list, each value checked so that only
// real ARIA attributes with valid values reach the DOM. ID-reference attributes
// (aria-labelledby, -describedby, -controls, -owns, -activedescendant, -flowto, -details,
// -errormessage) are dropped: content cannot create elements with ids, so they would dangle.

const ARIA_ROLES = [
  'alert', 'alertdialog', 'application', 'article', 'banner', 'blockquote', 'button', 'caption',
  'cell', 'checkbox', 'code', 'columnheader', 'combobox', 'complementary', 'contentinfo',
  'definition', 'deletion', 'dialog', 'document', 'emphasis', 'feed', 'figure', 'form', 'generic',
  'grid', 'gridcell', 'group', 'heading', 'img', 'insertion', 'link', 'list', 'listbox',
  'listitem', 'log', 'main', 'marquee', 'math', 'menu', 'menubar', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'meter', 'navigation', 'none', 'note', 'option', 'paragraph', 'presentation',
  'progressbar', 'radio', 'radiogroup', 'region', 'row', 'rowgroup', 'rowheader', 'scrollbar',
  'search', 'searchbox', 'separator', 'slider', 'spinbutton', 'status', 'strong', 'subscript',
  'superscript', 'switch', 'tab', 'table', 'tablist', 'tabpanel', 'term', 'textbox', 'time',
  'timer', 'toolbar', 'tooltip', 'tree', 'treegrid', 'treeitem',
] as const // prettier-ignore

const trueFalse = optional(z.enum(['true', 'false']))
const triState = optional(z.enum(['true', 'false', 'mixed']))
const integerAttr = optional(
  z
    .string()
    .trim()
    .regex(/^-?\d{1,9}$/)
    .transform(Number),
)
const numberAttr = optional(
  z
    .string()
    .trim()
    .regex(/^-?\d{1,15}(\.\d{1,15})?$/)
    .transform(Number),
)
const textAttr = optional(z.string().max(2000))

export const accessibilityWebSchema = z.object({
  role: optional(z.enum(ARIA_ROLES)),
  tabindex: optional(z.enum(['0', '-1'])),
  'aria-atomic': trueFalse,
  'aria-autocomplete': optional(z.enum(['none', 'inline', 'list', 'both'])),
  'aria-busy': trueFalse,
  'aria-checked': triState,
  'aria-colcount': integerAttr,
  'aria-colindex': integerAttr,
  'aria-colspan': integerAttr,
  'aria-current': optional(z.enum(['true', 'false', 'page', 'step', 'location', 'date', 'time'])),
  'aria-disabled': trueFalse,
  'aria-expanded': trueFalse,
  'aria-grabbed': trueFalse,
  'aria-haspopup': optional(z.enum(['true', 'false', 'menu', 'listbox', 'tree', 'grid', 'dialog'])),
  'aria-hidden': trueFalse,
  'aria-invalid': optional(z.enum(['true', 'false', 'grammar', 'spelling'])),
  'aria-keyshortcuts': textAttr,
  'aria-label': textAttr,
  'aria-level': integerAttr,
  'aria-live': optional(z.enum(['off', 'polite', 'assertive'])),
  'aria-modal': trueFalse,
  'aria-multiline': trueFalse,
  'aria-multiselectable': trueFalse,
  'aria-orientation': optional(z.enum(['horizontal', 'vertical'])),
  'aria-placeholder': textAttr,
  'aria-posinset': integerAttr,
  'aria-pressed': triState,
  'aria-readonly': trueFalse,
  'aria-relevant': optional(
    z.enum([
      'additions',
      'additions removals',
      'additions text',
      'all',
      'removals',
      'removals additions',
      'removals text',
      'text',
      'text additions',
      'text removals',
    ]),
  ),
  'aria-required': trueFalse,
  'aria-roledescription': textAttr,
  'aria-rowcount': integerAttr,
  'aria-rowindex': integerAttr,
  'aria-rowspan': integerAttr,
  'aria-selected': trueFalse,
  'aria-setsize': integerAttr,
  'aria-sort': optional(z.enum(['none', 'ascending', 'descending', 'other'])),
  'aria-valuemax': numberAttr,
  'aria-valuemin': numberAttr,
  'aria-valuenow': numberAttr,
  'aria-valuetext': textAttr,
})
export type ScAccessibilityWeb = z.infer<typeof accessibilityWebSchema>

const accessibilitySchema = z.object({ web: optional(accessibilityWebSchema) })

// ---------------------------------------------------------------------------------------------
// Click actions

/** A number, or a numeric string (the wire drifts), that is finite. */
const coordinate = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/)
    .transform(Number),
])

const publishTextAction = z.object({ type: z.literal('publishText'), text: z.string() })
const linkAction = z.object({
  type: z.literal('link'),
  uri: z.string(),
  name: optional(z.string()),
  target: optional(z.string()),
})
const navigateAction = z.object({
  type: z.literal('navigate'),
  la: coordinate,
  lo: coordinate,
  name: optional(z.string()),
})
const addToCartAction = z.object({
  type: z.literal('addToCart'),
  items: z
    .array(
      z.object({ productId: optional(z.string()), quantity: optional(z.number()) }).catch({
        productId: undefined,
        quantity: undefined,
      }),
    )
    .catch([]),
})
const customAction = z.object({
  type: z.literal('custom'),
  data: z
    .array(
      z
        .object({ key: optional(z.string()), value: z.unknown() })
        .catch({ key: undefined, value: undefined }),
    )
    .catch([]),
})
const datePickerAction = z.object({
  type: z.literal('datePicker'),
  class: optional(z.enum(['single', 'range'])),
  title: optional(z.string()),
  minDate: optional(z.number()),
  maxDate: optional(z.number()),
  dateFormat: optional(z.string()),
})
const scheduleSlotListAction = z.object({
  type: z.literal('scheduleSlotList'),
  title: optional(z.string()),
  slots: z.array(z.unknown()).catch([]),
})
const checkedAction = z.object({ type: z.literal('checked'), publishText: z.string() })
const submitAsTextAction = z.object({
  type: z.literal('submitAsText'),
  submit: optional(z.boolean()),
})
/** What an action this viewer does not know (or an invalid one) becomes. */
export const scUnsupportedActionSchema = z.object({
  type: z.literal('unsupported'),
  originalType: z.string(),
})

export const scActionSchema = z.discriminatedUnion('type', [
  publishTextAction,
  linkAction,
  navigateAction,
  addToCartAction,
  customAction,
  datePickerAction,
  scheduleSlotListAction,
  checkedAction,
  submitAsTextAction,
])
export type ScAction = z.infer<typeof scActionSchema> | z.infer<typeof scUnsupportedActionSchema>

const typeField = z.object({ type: z.string() })

function typeOf(raw: unknown): string | undefined {
  const r = tryParse(typeField, raw)
  return r.success ? r.data.type : undefined
}

export function parseAction(raw: unknown): ScAction {
  const r = tryParse(scActionSchema, raw)
  if (r.success) return r.data
  return { type: 'unsupported', originalType: typeOf(raw) ?? 'unknown' }
}

const clickSchema = z.object({
  actions: z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((actions) => actions.map(parseAction)),
})

// ---------------------------------------------------------------------------------------------
// Elements

const common = {
  tooltip: optional(z.string()),
  rtl: optional(z.boolean()),
  style: optional(scStyleSchema),
  accessibility: optional(accessibilitySchema),
  alt: optional(z.string()),
  tag: optional(z.string()),
  click: optional(clickSchema),
}

const elements = z.array(z.unknown())

/**
 * Text that LivePerson's renderer (json-pollock) sets as HTML: a text element's text, a checkbox's
 * text, an image caption. Character references are decoded (`&#x1F449;` → 👉, `&amp;` → &) so the
 * viewer shows what a consumer saw; tags are never interpreted, and stay visible as written.
 */
const htmlText = z.string().transform(decodeCharacterReferences)

export const textElementSchema = z.object({ type: z.literal('text'), text: htmlText, ...common })
export const buttonElementSchema = z.object({
  type: z.literal('button'),
  title: z.string(),
  subtitle: optional(z.string()),
  class: optional(z.enum(['text', 'button'])),
  ...common,
})
export const imageElementSchema = z.object({
  type: z.literal('image'),
  url: z.string(),
  caption: optional(htmlText),
  ...common,
})
export const mapElementSchema = z.object({
  type: z.literal('map'),
  la: coordinate,
  lo: coordinate,
  ...common,
})
export const linkPreviewElementSchema = z.object({
  type: z.literal('linkPreview'),
  url: z.string(),
  title: optional(z.string()),
  ...common,
})
export const templateElementSchema = z.object({
  type: z.literal('template'),
  templateType: z.literal('quickReply'),
  title: z.string(),
  resp: z.array(z.unknown()).transform((resp) => resp.filter((r) => typeof r === 'string')),
  ...common,
})
export const keyValuePairListElementSchema = z.object({
  type: z.literal('keyValuePairList'),
  elements: z.array(
    z.object({
      key: z.string(),
      value: optional(z.union([z.string(), z.number(), z.boolean()]).transform(String)),
    }),
  ),
  ...common,
})
export const checkboxElementSchema = z.object({
  type: z.literal('checkbox'),
  text: htmlText,
  borderLine: optional(z.boolean()),
  borderColor: optional(colorSchema),
  ...common,
})
export const submitButtonElementSchema = z.object({
  type: z.literal('submitButton'),
  title: z.string(),
  disabled: optional(z.boolean()),
  ...common,
})

const border = optional(z.enum(['border', 'borderLess', 'dropShadow']))
const padding = optional(z.number().min(0).max(100))

export const verticalElementSchema = z.object({
  type: z.literal('vertical'),
  elements,
  border,
  scroll: optional(z.enum(['disable', 'enable'])),
  ...common,
})
export const horizontalElementSchema = z.object({
  type: z.literal('horizontal'),
  elements,
  percentages: optional(z.array(z.number().min(0).max(100))),
  borderLine: optional(z.boolean()),
  border,
  ...common,
})
export const carouselElementSchema = z.object({
  type: z.literal('carousel'),
  elements,
  padding,
  ...common,
})
const selectMode = optional(
  z.object({ name: optional(z.string()), type: optional(z.enum(['single', 'multiple'])) }),
)
export const carouselSelectElementSchema = z.object({
  type: z.literal('carouselSelect'),
  elements,
  selectMode,
  padding,
  ...common,
})
export const accordionSelectElementSchema = z.object({
  type: z.literal('accordionSelect'),
  elements,
  selectMode,
  titles: z
    .array(
      z
        .object({ name: z.string(), additional: optional(z.string()) })
        .catch({ name: '', additional: undefined }),
    )
    .catch([]),
  padding,
  ...common,
})
export const tabsElementSchema = z.object({ type: z.literal('tabs'), elements, ...common })
export const listElementSchema = z.object({ type: z.literal('list'), elements, ...common })
export const sectionListElementSchema = z.object({
  type: z.literal('sectionList'),
  elements,
  ...common,
})
export const sectionElementSchema = z.object({
  type: z.literal('section'),
  elements,
  sectionID: optional(z.string()),
  padding,
  ...common,
})
export const checklistElementSchema = z.object({
  type: z.literal('checklist'),
  elements,
  padding,
  ...common,
})
export const buttonListElementSchema = z.object({
  type: z.literal('buttonList'),
  elements,
  ...common,
})

export type ScTextNode = z.infer<typeof textElementSchema>
export type ScButtonNode = z.infer<typeof buttonElementSchema>
export type ScImageNode = z.infer<typeof imageElementSchema>
export type ScMapNode = z.infer<typeof mapElementSchema>
export type ScLinkPreviewNode = z.infer<typeof linkPreviewElementSchema>
export type ScTemplateNode = z.infer<typeof templateElementSchema>
export type ScKeyValuePairListNode = z.infer<typeof keyValuePairListElementSchema>
export type ScCheckboxNode = z.infer<typeof checkboxElementSchema>
export type ScSubmitButtonNode = z.infer<typeof submitButtonElementSchema>
export interface ScVerticalNode extends Omit<z.infer<typeof verticalElementSchema>, 'elements'> {
  children: ScNode[]
}
export interface ScHorizontalNode extends Omit<
  z.infer<typeof horizontalElementSchema>,
  'elements'
> {
  children: ScNode[]
}
export interface ScCarouselNode extends Omit<z.infer<typeof carouselElementSchema>, 'elements'> {
  children: ScNode[]
}
export interface ScCarouselSelectNode extends Omit<
  z.infer<typeof carouselSelectElementSchema>,
  'elements'
> {
  children: ScNode[]
}
export interface ScAccordionSelectNode extends Omit<
  z.infer<typeof accordionSelectElementSchema>,
  'elements'
> {
  children: ScNode[]
}
export interface ScTabsNode extends Omit<z.infer<typeof tabsElementSchema>, 'elements'> {
  children: ScNode[]
}
export interface ScListNode extends Omit<z.infer<typeof listElementSchema>, 'elements'> {
  children: ScNode[]
}
export interface ScSectionListNode extends Omit<
  z.infer<typeof sectionListElementSchema>,
  'elements'
> {
  children: ScNode[]
}
export interface ScSectionNode extends Omit<z.infer<typeof sectionElementSchema>, 'elements'> {
  children: ScNode[]
}
export interface ScChecklistNode extends Omit<z.infer<typeof checklistElementSchema>, 'elements'> {
  children: ScNode[]
}
export interface ScButtonListNode extends Omit<
  z.infer<typeof buttonListElementSchema>,
  'elements'
> {
  children: ScNode[]
}

/** An element that could not be rendered: unknown type, missing or invalid required field. */
export interface ScUnsupportedNode {
  type: 'unsupported'
  originalType: string | undefined
  reason: string
}

export type ScNode =
  | ScTextNode
  | ScButtonNode
  | ScImageNode
  | ScMapNode
  | ScLinkPreviewNode
  | ScTemplateNode
  | ScKeyValuePairListNode
  | ScCheckboxNode
  | ScSubmitButtonNode
  | ScVerticalNode
  | ScHorizontalNode
  | ScCarouselNode
  | ScCarouselSelectNode
  | ScAccordionSelectNode
  | ScTabsNode
  | ScListNode
  | ScSectionListNode
  | ScSectionNode
  | ScChecklistNode
  | ScButtonListNode
  | ScUnsupportedNode

export interface ScIssue {
  /** Where in the JSON, e.g. `elements[2].elements[0]`; empty for the root. */
  path: string
  message: string
}

export interface ParsedStructuredContent {
  root: ScNode | undefined
  issues: ScIssue[]
  /** Elements kept (at most `maxElements`). */
  elementCount: number
  /** Elements beyond `maxElements`, not rendered. */
  skippedCount: number
}

interface WalkContext {
  max: number
  count: number
  skipped: number
  issues: ScIssue[]
}

function describeZodError(error: z.ZodError): string {
  const first = error.issues[0]
  if (!first) return 'invalid element'
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : ''
  return `${where}${first.message}`
}

function unsupported(
  ctx: WalkContext,
  path: string,
  originalType: string | undefined,
  reason: string,
): ScUnsupportedNode {
  ctx.issues.push({ path, message: reason })
  return { type: 'unsupported', originalType, reason }
}

function withChildren<T extends { elements: unknown[] }>(
  data: T,
  children: ScNode[],
): Omit<T, 'elements'> & { children: ScNode[] } {
  const { elements, ...rest } = data
  void elements // replaced by the parsed children
  return { ...rest, children }
}

/** Counts elements in a subtree that is not rendered (bounded, for the "N more" message). */
function countElements(raw: unknown, depth: number): number {
  if (depth > MAX_DEPTH || raw === null || typeof raw !== 'object') return 1
  const children = z.object({ elements: z.array(z.unknown()) }).safeParse(raw)
  if (!children.success) return 1
  return 1 + children.data.elements.reduce<number>((n, c) => n + countElements(c, depth + 1), 0)
}

function walkChildren(raw: unknown[], ctx: WalkContext, path: string, depth: number): ScNode[] {
  const nodes: ScNode[] = []
  raw.forEach((child, i) => {
    const node = walk(child, ctx, `${path}${path ? '.' : ''}elements[${i}]`, depth + 1)
    if (node) nodes.push(node)
  })
  return nodes
}

function parseWith<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  ctx: WalkContext,
  path: string,
  type: string,
): { ok: true; data: z.output<S> } | { ok: false; node: ScUnsupportedNode } {
  const r = parseFast(schema, raw)
  if (r.success) return { ok: true, data: r.data }
  return { ok: false, node: unsupported(ctx, path, type, `${type}: ${describeZodError(r.error)}`) }
}

function walk(raw: unknown, ctx: WalkContext, path: string, depth: number): ScNode | undefined {
  ctx.count += 1
  if (ctx.count > ctx.max) {
    ctx.skipped += countElements(raw, depth)
    return undefined
  }
  const type = typeOf(raw)
  if (type === undefined) {
    return unsupported(ctx, path, undefined, 'element without a type')
  }
  if (depth > MAX_DEPTH) return unsupported(ctx, path, type, 'elements nested too deeply')

  const container = <S extends z.ZodType<{ elements: unknown[] }>>(schema: S) => {
    const r = parseWith(schema, raw, ctx, path, type)
    if (!r.ok) return r.node
    return withChildren(r.data, walkChildren(r.data.elements, ctx, path, depth))
  }
  const leaf = <S extends z.ZodType>(schema: S) => {
    const r = parseWith(schema, raw, ctx, path, type)
    return r.ok ? r.data : r.node
  }

  switch (type) {
    case 'text':
      return leaf(textElementSchema)
    case 'button':
      return leaf(buttonElementSchema)
    case 'image':
      return leaf(imageElementSchema)
    case 'map':
      return leaf(mapElementSchema)
    case 'linkPreview':
      return leaf(linkPreviewElementSchema)
    case 'template':
      return leaf(templateElementSchema)
    case 'keyValuePairList':
      return leaf(keyValuePairListElementSchema)
    case 'checkbox':
      return leaf(checkboxElementSchema)
    case 'submitButton':
      return leaf(submitButtonElementSchema)
    case 'vertical':
      return container(verticalElementSchema)
    case 'horizontal':
      return container(horizontalElementSchema)
    case 'carousel':
      return container(carouselElementSchema)
    case 'carouselSelect':
      return container(carouselSelectElementSchema)
    case 'accordionSelect':
      return container(accordionSelectElementSchema)
    case 'tabs':
      return container(tabsElementSchema)
    case 'list':
      return container(listElementSchema)
    case 'sectionList':
      return container(sectionListElementSchema)
    case 'section':
      return container(sectionElementSchema)
    case 'checklist':
      return container(checklistElementSchema)
    case 'buttonList':
      return container(buttonListElementSchema)
    default:
      return unsupported(ctx, path, type, `unknown element type "${type.slice(0, 64)}"`)
  }
}

/** A JSON string is parsed here too (json-pollock's `render` accepts both). */
function fromJsonString(content: unknown): { value: unknown; ok: boolean } {
  if (typeof content !== 'string') return { value: content, ok: true }
  try {
    return { value: JSON.parse(content), ok: true }
  } catch {
    return { value: undefined, ok: false }
  }
}

/**
 * Parses Structured Content for rendering. `content` is parsed JSON (or a JSON string);
 * `undefined` means the message's JSON string could not be parsed upstream.
 */
export function parseStructuredContent(
  content: unknown,
  options: { maxElements?: number } = {},
): ParsedStructuredContent {
  const ctx: WalkContext = {
    max: options.maxElements ?? MAX_RENDERED_ELEMENTS,
    count: 0,
    skipped: 0,
    issues: [],
  }
  const { value, ok } = fromJsonString(content)
  if (!ok || value === undefined) {
    return {
      root: undefined,
      issues: [{ path: '', message: 'the content is not valid JSON' }],
      elementCount: 0,
      skippedCount: 0,
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      root: undefined,
      issues: [{ path: '', message: 'the content is not a structured-content object' }],
      elementCount: 0,
      skippedCount: 0,
    }
  }
  const root = walk(value, ctx, '', 0)
  if (ctx.skipped > 0) {
    ctx.issues.push({
      path: '',
      message: `only the first ${String(ctx.max)} elements are shown; ${String(ctx.skipped)} more were skipped`,
    })
  }
  return {
    root,
    issues: ctx.issues,
    elementCount: Math.min(ctx.count, ctx.max),
    skippedCount: ctx.skipped,
  }
}

// ---------------------------------------------------------------------------------------------
// Quick replies (not part of json-pollock: the host renders them)

export const MAX_QUICK_REPLY_ROWS = 3
const MAX_ITEMS_PER_ROW = 8

export const quickRepliesSchema = z.object({
  type: optional(z.string()),
  itemsPerRow: optional(z.number().int()),
  replies: z.array(z.unknown()),
})

export interface ParsedQuickReplies {
  itemsPerRow: number
  replies: (ScButtonNode | ScUnsupportedNode)[]
  issues: ScIssue[]
}

/** `undefined` when the content is not a quick-replies object at all. */
export function parseQuickReplies(content: unknown): ParsedQuickReplies | undefined {
  const { value } = fromJsonString(content)
  const r = tryParse(quickRepliesSchema, value)
  if (!r.success) return undefined
  const ctx: WalkContext = { max: Number.POSITIVE_INFINITY, count: 0, skipped: 0, issues: [] }
  const replies = r.data.replies.map((reply, i) => {
    const path = `replies[${i}]`
    const type = typeOf(reply)
    if (type !== 'button') {
      return unsupported(ctx, path, type, `a quick reply must be a button, not "${String(type)}"`)
    }
    const parsed = parseWith(buttonElementSchema, reply, ctx, path, type)
    return parsed.ok ? parsed.data : parsed.node
  })
  const perRow = r.data.itemsPerRow ?? MAX_ITEMS_PER_ROW
  return {
    itemsPerRow: Math.min(MAX_ITEMS_PER_ROW, Math.max(1, perRow)),
    replies,
    issues: ctx.issues,
  }
}

/**
 * Quick replies laid out in rows of `itemsPerRow`, at most three rows; whatever does not fit goes
 * into the last row (reference §7.5).
 */
export function quickReplyRows<T>(items: readonly T[], itemsPerRow: number): T[][] {
  const perRow = Math.max(1, Math.floor(itemsPerRow))
  const rows: T[][] = []
  for (let start = 0; start < items.length; start += perRow) {
    if (rows.length === MAX_QUICK_REPLY_ROWS - 1) {
      rows.push(items.slice(start))
      break
    }
    rows.push(items.slice(start, start + perRow))
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// The consumer's choice

/** Case-, space- and edge-insensitive form used to compare a message with an option. */
export function normalizeChoiceText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** True when `chosenText` equals one of the candidate texts (publishText or title). */
export function matchesChoice(
  candidates: readonly string[],
  chosenText: string | undefined,
): boolean {
  if (chosenText === undefined) return false
  const chosen = normalizeChoiceText(chosenText)
  if (chosen === '') return false
  return candidates.some((c) => normalizeChoiceText(c) === chosen)
}

/** The texts that selecting a button (or quick reply) would send, and its title. */
export function buttonChoiceTexts(node: {
  title: string
  click?: { actions: ScAction[] } | undefined
}): string[] {
  const texts = [node.title]
  for (const action of node.click?.actions ?? []) {
    if (action.type === 'publishText') texts.push(action.text)
  }
  return texts
}

/** The text a checkbox contributes when the checklist is submitted. */
export function checkboxChoiceTexts(node: ScCheckboxNode): string[] {
  const texts = [node.text]
  for (const action of node.click?.actions ?? []) {
    if (action.type === 'checked') texts.push(action.publishText)
  }
  return texts
}

/** Every option text inside a card (buttons, quick-reply templates, texts), for card choice. */
export function cardChoiceTexts(node: ScNode): string[] {
  switch (node.type) {
    case 'button':
      return buttonChoiceTexts(node)
    case 'text':
      return [node.text]
    case 'template':
      return node.resp
    case 'unsupported':
    case 'image':
    case 'map':
    case 'linkPreview':
    case 'keyValuePairList':
    case 'checkbox':
    case 'submitButton':
      return []
    default:
      return node.children.flatMap(cardChoiceTexts)
  }
}

// ---------------------------------------------------------------------------------------------
// Text for search and export

function nodeText(node: ScNode, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.text)
      return
    case 'button':
      out.push(node.title)
      if (node.subtitle) out.push(node.subtitle)
      return
    case 'image':
      if (node.caption) out.push(node.caption)
      return
    case 'map':
      return
    case 'linkPreview':
      if (node.title) out.push(node.title)
      out.push(node.url)
      return
    case 'template':
      out.push(node.title, ...node.resp)
      return
    case 'keyValuePairList':
      for (const pair of node.elements) {
        out.push(pair.value === undefined ? pair.key : `${pair.key}: ${pair.value}`)
      }
      return
    case 'checkbox':
      out.push(node.text)
      return
    case 'submitButton':
      out.push(node.title)
      return
    case 'unsupported':
      return
    case 'accordionSelect':
      node.children.forEach((child, i) => {
        const title = node.titles[i]
        if (title?.name) out.push(title.name)
        if (title?.additional) out.push(title.additional)
        nodeText(child, out)
      })
      return
    case 'tabs':
      for (const child of node.children) {
        if (child.type !== 'unsupported' && child.tag) out.push(child.tag)
        nodeText(child, out)
      }
      return
    default:
      for (const child of node.children) nodeText(child, out)
  }
}

/** Every human-readable text in Structured Content or a quick-replies object, one per line. */
export function structuredContentText(content: unknown): string {
  const quickReplies = parseQuickReplies(content)
  if (quickReplies) {
    return quickReplies.replies.flatMap((r) => (r.type === 'button' ? [r.title] : [])).join('\n')
  }
  const { root } = parseStructuredContent(content, { maxElements: 10_000 })
  if (!root) return ''
  const out: string[] = []
  nodeText(root, out)
  return out.filter((t) => t.trim() !== '').join('\n')
}
