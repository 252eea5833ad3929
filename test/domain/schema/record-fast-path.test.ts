/**
 * Differential tests of the compiled fast path (src/domain/schema/record-fast-path.ts) against zod.
 *
 * The contract: for every value, the compiled parser returns FAIL exactly when zod reports at
 * least one issue, and otherwise exactly `schema.safeParse(value).data` (deep, strict: same keys
 * in the same order, `undefined`-valued keys included). `parseFast` then equals `safeParse` in
 * `success`, `data` and (through its fallback) `error`. Checked on every section item of 300 demo
 * records and the seed, on every structured-content element, action and quick-replies payload in
 * them, on many thousands of deterministic mutations of those, and on small schemas built for
 * each compiled construct.
 */
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { campaignSchema } from '@/domain/schema/campaign'
import { coBrowseSessionSchema } from '@/domain/schema/co-browse'
import { dialogSchema } from '@/domain/schema/dialogs'
import { FAIL, parseFast, setFastParseEnabled, tryParse } from '@/domain/schema/fast-path-switch'
import { conversationInfoSchema } from '@/domain/schema/info'
import { intentSchema, uniqueIntentSchema } from '@/domain/schema/intents'
import { interactionSchema } from '@/domain/schema/interactions'
import { messageScoreSchema } from '@/domain/schema/message-scores'
import { messageStatusSchema } from '@/domain/schema/message-statuses'
import { messageRecordSchema } from '@/domain/schema/messages'
import { monitoringSchema } from '@/domain/schema/monitoring'
import { agentParticipantSchema, consumerParticipantSchema } from '@/domain/schema/participants'
import { parseConversationRecord } from '@/domain/schema/record'
import { enableRecordFastPath, fastParser } from '@/domain/schema/record-fast-path'
import { responseTimeSchema } from '@/domain/schema/response-time'
import { skillChangeSchema } from '@/domain/schema/skill-changes'
import * as sc from '@/domain/schema/structured-content'
import { summarySchema } from '@/domain/schema/summary'
import { agentSurveySchema, conversationSurveySchema } from '@/domain/schema/surveys'
import { transferSchema } from '@/domain/schema/transfers'
import { generateDemoConversations } from '@/server/demo/generate'
import { seedRecord } from './seed'

type Schema = z.ZodType
type Json = Record<string, unknown> | unknown[]

/** How many times `run` has zod parse a small clean value itself (0: the fast path answered). */
function zodRuns(run: (schema: Schema) => unknown): number {
  const schema = z.object({ a: z.string() })
  let calls = 0
  const original = schema.safeParse.bind(schema)
  schema.safeParse = (value: unknown) => {
    calls++
    return original(value)
  }
  run(schema)
  return calls
}

// The fast path is off until it is asked for, as the server's import code and the SPA ask.
const ZOD_RUNS_BEFORE_ENABLING = zodRuns((schema) => parseFast(schema, { a: 'x' }))
enableRecordFastPath()

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from nothing')
    return items[int(items.length)] as T
  }
  return { next, int, pick }
}
type Rng = ReturnType<typeof prng>

// ---------------------------------------------------------------------------------------------
// Comparing the fast path with zod

const isContainer = (value: unknown): value is Json => typeof value === 'object' && value !== null
const isPlain = (value: unknown): value is Record<string, unknown> =>
  isContainer(value) && !Array.isArray(value)

/** Every object's own keys in order, nested the way the value is: deep key-order comparison. */
function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder)
  if (isPlain(value)) return Object.keys(value).map((key) => [key, keyOrder(value[key])])
  return null
}

/**
 * `isDeepStrictEqual(keyOrder(a), keyOrder(b))` for two values already deep-equal, without
 * building either: every object has its own keys in the same order as its counterpart.
 */
function sameKeyOrder(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameKeyOrder(a[i], b[i])) return false
    return true
  }
  if (isPlain(a)) {
    if (!isPlain(b)) return false
    const keys = Object.keys(a)
    const other = Object.keys(b)
    if (keys.length !== other.length) return false
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      if (key !== other[i] || !sameKeyOrder(a[key], b[key])) return false
    }
    return true
  }
  return !isContainer(b)
}

/** The same value and the same key order throughout (what every comparison here asks). */
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) && sameKeyOrder(a, b)

interface Stats {
  cases: number
  zodFailed: number
  /** Cases the compiled parser answered FAIL for (equal to zodFailed when they agree). */
  fastFailed: number
}

/**
 * Compares the compiled parser, `parseFast` and `safeParse` on one value; returns a description
 * of the first difference, or undefined. Counts the case and its outcomes into `stats`.
 */
function difference(schema: Schema, value: unknown, stats?: Stats): string | undefined {
  const parser = fastParser(schema)
  if (!parser) return 'schema does not compile'
  const zod = schema.safeParse(value)
  const raw = parser(value)
  if (stats) {
    stats.cases++
    if (!zod.success) stats.zodFailed++
    if (raw === FAIL) stats.fastFailed++
  }
  if ((raw === FAIL) !== !zod.success) {
    return `compiled parser ${raw === FAIL ? 'failed' : 'succeeded'}, zod ${zod.success ? 'succeeded' : `failed: ${zod.error.message}`}`
  }
  const fast = parseFast(schema, value)
  if (fast.success !== zod.success) return 'parseFast success differs'
  // tryParse trusts the compiled parser's FAIL: it must agree with zod on its own.
  const tried = tryParse(schema, value)
  if (tried.success !== zod.success) return 'tryParse success differs'
  if (tried.success && zod.success && !isDeepStrictEqual(tried.data, zod.data)) {
    return 'tryParse data differs'
  }
  if (zod.success && fast.success) {
    if (!isDeepStrictEqual(raw, zod.data)) return 'compiled output differs'
    if (!isDeepStrictEqual(fast.data, zod.data)) return 'parseFast data differs'
    if (!sameKeyOrder(fast.data, zod.data)) return 'key order differs'
    // a copy where zod copies, the input itself where zod passes it through
    if ((fast.data === value) !== (zod.data === value)) return 'identity differs'
  } else if (!fast.success && !zod.success) {
    if (!isDeepStrictEqual(fast.error.issues, zod.error.issues)) return 'issues differ'
  }
  return undefined
}

/**
 * Runs {@link difference} on many values; fails with the first few differences, diffed. What the
 * values were: how many, how many zod and the compiled parser rejected.
 */
function expectSameAnswers(schema: Schema, values: Iterable<unknown>, label: string): Stats {
  const stats: Stats = { cases: 0, zodFailed: 0, fastFailed: 0 }
  const problems: { value: unknown; why: string }[] = []
  for (const value of values) {
    const why = difference(schema, value, stats)
    if (why !== undefined) problems.push({ value, why })
  }
  const first = problems[0]
  if (first) {
    // a readable diff of the first one
    const zod = schema.safeParse(first.value)
    const fast = parseFast(schema, first.value)
    expect({ success: fast.success, data: fast.data }, `${label}: ${first.why}`).toStrictEqual({
      success: zod.success,
      data: zod.data,
    })
    expect(keyOrder(fast.data), `${label}: key order`).toStrictEqual(keyOrder(zod.data))
  }
  expect(
    problems.slice(0, 5).map((p) => `${p.why}: ${JSON.stringify(p.value)?.slice(0, 300)}`),
    label,
  ).toStrictEqual([])
  return stats
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** JSON-able junk, built fresh for every use (some of it is mutable). */
const JUNK: (() => unknown)[] = [
  () => 0,
  () => -0,
  () => 1,
  () => -1,
  () => 42,
  () => 1.5,
  () => -2.5,
  () => 100.5,
  () => 1e21,
  () => 1e308,
  () => -1e308,
  () => 2 ** 53 + 2,
  () => 2 ** 31,
  () => '42',
  () => ' 7 ',
  () => '-1',
  () => '1e3',
  () => '0x10',
  () => 'abc',
  () => '',
  () => ' ',
  () => 'undefined',
  () => 'null',
  () => ' null ',
  () => 'true',
  () => 'false',
  () => 'TRUE',
  () => null,
  () => true,
  () => false,
  () => [],
  () => ({}),
  () => [1],
  () => ['a', null],
  () => ({ a: 1 }),
  () => ({ a: { b: [1, 'x', null] } }),
  () => [[[]]],
  () => [{ type: 'text', text: 'x' }],
  () => ({ type: 'publishText', text: 'x' }),
  () => 'x'.repeat(300),
  () => '😀'.repeat(3),
  () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown,
  () => JSON.parse('{"__proto__": 5}') as unknown,
]

const EXTRA_KEYS = ['extra', 'unknownKey', 'constructor', 'toString', 'hasOwnProperty', '', 'type']

interface Slot {
  parent: Json
  key: string | number
}

function slots(root: unknown): Slot[] {
  const out: Slot[] = []
  const visit = (node: unknown, depth: number) => {
    if (!isContainer(node) || depth > 40) return
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i })
        visit(child, depth + 1)
      })
    } else {
      for (const key of Object.keys(node)) {
        out.push({ parent: node, key })
        visit(node[key], depth + 1)
      }
    }
  }
  visit(root, 0)
  return out
}

function containers(root: unknown): Json[] {
  const out: Json[] = []
  const visit = (node: unknown) => {
    if (!isContainer(node)) return
    out.push(node)
    for (const child of Object.values(node)) visit(child)
  }
  visit(root)
  return out
}

/**
 * A deep copy, as structuredClone makes it, of JSON-like values (plain objects, arrays,
 * primitives; an own `__proto__` key stays an own key) about five times faster; anything else
 * goes to structuredClone.
 */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copy)
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value)
  const source = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(source)) {
    const item = copy(source[key])
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else out[key] = item
  }
  return out
}

function readSlot({ parent, key }: Slot): unknown {
  return Array.isArray(parent) ? parent[Number(key)] : parent[String(key)]
}

function writeSlot({ parent, key }: Slot, value: unknown): void {
  if (Array.isArray(parent)) parent[Number(key)] = value
  // defineProperty: an own `__proto__` key stays an own key, as JSON.parse makes it
  else
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}

function deleteSlot({ parent, key }: Slot): void {
  if (Array.isArray(parent)) parent.splice(Number(key), 1)
  else delete parent[String(key)]
}

/** Structured-content values worth trying in place of any value. */
const SC_JUNK: (() => unknown)[] = [
  () => 'url(javascript:alert(1))',
  () => '#12',
  () => '  #fff  ',
  () => '#FFFFFFFFF',
  () => 'red;',
  () => 'RGB(1, 2, 3)',
  () => 'rgb(1,2,3) url(x)',
  () => 'a'.repeat(257),
  () => ' '.repeat(300) + 'red',
  () => 'huge',
  () => 'SMALL',
  () => 'x'.repeat(2001),
  () => '😀'.repeat(1500),
  () => '😀'.repeat(2001),
  () => 'javascript:alert(1)',
  () => 'ftp://example.com/x',
  () => ' 40.5 ',
  () => '1234.5',
  () => '-0',
  () => ' 12 ',
  () => '1.5',
  () => '123456789012',
  () => 1000,
  () => 1001,
  () => 100,
  () => 101,
  () => 2 ** 53,
  () => 'mixed',
  () => 'ascending',
  () => 'single',
  () => 'multiple',
]

const SC_TYPES = [
  'text',
  'button',
  'image',
  'map',
  'linkPreview',
  'template',
  'keyValuePairList',
  'checkbox',
  'submitButton',
  'vertical',
  'horizontal',
  'carousel',
  'carouselSelect',
  'accordionSelect',
  'tabs',
  'list',
  'sectionList',
  'section',
  'checklist',
  'buttonList',
  'publishText',
  'link',
  'navigate',
  'addToCart',
  'custom',
  'datePicker',
  'scheduleSlotList',
  'checked',
  'submitAsText',
  'unsupported',
  'quickReplies',
  'Text',
  'nope',
]

const SC_KEYS = [
  'style',
  'color',
  'background-color',
  'size',
  'border-radius',
  'padding',
  'percentages',
  'tooltip',
  'rtl',
  'click',
  'actions',
  'accessibility',
  'web',
  'aria-level',
  'aria-valuenow',
  'role',
  'tabindex',
  'itemsPerRow',
  'replies',
  'la',
  'lo',
  'uri',
  'selectMode',
  'titles',
  'resp',
  'templateType',
  'class',
  'border',
  'scroll',
]

/** A deep copy of `item` with 1–3 random mutations. */
function mutate(item: unknown, rng: Rng, structured: boolean): unknown {
  const box: unknown[] = [copy(item)]
  const junk = () => (structured && rng.next() < 0.5 ? rng.pick(SC_JUNK)() : rng.pick(JUNK)())
  const rounds = 1 + rng.int(3)
  for (let round = 0; round < rounds; round++) {
    const all = slots(box[0])
    // the whole value is a slot too
    all.push({ parent: box, key: 0 })
    const slot = rng.pick(all)
    const op = rng.int(structured ? 10 : 8)
    switch (op) {
      case 7: {
        // a field of the item itself (random slots mostly land deep inside it)
        const root = box[0]
        if (isPlain(root)) {
          const keys = Object.keys(root)
          const key =
            keys.length > 0 && rng.next() < 0.7
              ? rng.pick(keys)
              : structured
                ? rng.pick(SC_KEYS)
                : rng.pick(EXTRA_KEYS)
          if (rng.next() < 0.2) delete root[key]
          else writeSlot({ parent: root, key }, junk())
        }
        break
      }
      case 0:
      case 1:
        writeSlot(slot, junk())
        break
      case 2:
        if (slot.parent !== box) deleteSlot(slot)
        break
      case 3: {
        // an unknown (or prototype-named) key in some object
        const objects = containers(box[0]).filter(isPlain)
        if (objects.length > 0) {
          const target = rng.pick(objects)
          const key = structured && rng.next() < 0.5 ? rng.pick(SC_KEYS) : rng.pick(EXTRA_KEYS)
          writeSlot({ parent: target, key }, junk())
        }
        break
      }
      case 4: {
        // an own `__proto__` key, made by JSON.parse as the wire would
        const objects = containers(box[0]).filter(isPlain)
        if (objects.length > 0) {
          const target = rng.pick(objects)
          const value = JSON.stringify(rng.pick(JUNK)() ?? null)
          const replacement = JSON.parse(`{"__proto__": ${value}}`) as Record<string, unknown>
          for (const key of Object.keys(target)) {
            if (key !== '__proto__') replacement[key] = target[key]
          }
          const where = slots(box[0]).find((s) => readSlot(s) === target)
          writeSlot(where ?? { parent: box, key: 0 }, replacement)
        }
        break
      }
      case 5: {
        // a value from elsewhere in the same item: plausible, but in the wrong place
        const from = rng.pick(all)
        writeSlot(slot, copy(readSlot(from)))
        break
      }
      case 6: {
        // the same value, drifted: number ↔ numeric string, wrapped in an array
        const value = readSlot(slot)
        if (typeof value === 'number') writeSlot(slot, rng.next() < 0.5 ? String(value) : [value])
        else if (typeof value === 'string')
          writeSlot(slot, rng.next() < 0.5 ? ` ${value} ` : [value])
        else writeSlot(slot, rng.next() < 0.5 ? [value] : JSON.stringify(value))
        break
      }
      case 8: {
        // a wrong or unknown `type` on some object
        const objects = containers(box[0]).filter(isPlain)
        if (objects.length > 0)
          writeSlot({ parent: rng.pick(objects), key: 'type' }, rng.pick(SC_TYPES))
        break
      }
      default: {
        // structured-content values in a structured-content key
        const objects = containers(box[0]).filter(isPlain)
        if (objects.length > 0) {
          writeSlot({ parent: rng.pick(objects), key: rng.pick(SC_KEYS) }, rng.pick(SC_JUNK)())
        }
      }
    }
  }
  return box[0]
}

// ---------------------------------------------------------------------------------------------
// The data: 300 demo records and the seed

const NOW = Date.UTC(2026, 0, 15, 12)
const RECORDS: Record<string, unknown>[] = [
  seedRecord(),
  ...generateDemoConversations({ count: 300, now: NOW }),
]

const OBJECT_SECTIONS: [string, Schema][] = [
  ['info', conversationInfoSchema],
  ['campaign', campaignSchema],
  ['monitoring', monitoringSchema],
  ['latestAgentSurvey', agentSurveySchema],
  ['summary', summarySchema],
  ['responseTime', responseTimeSchema],
]
const ARRAY_SECTIONS: [string, Schema][] = [
  ['messageRecords', messageRecordSchema],
  ['messagesRecords', messageRecordSchema],
  ['agentParticipants', agentParticipantSchema],
  ['agentParticipantsActive', agentParticipantSchema],
  ['agentParticipantsLeave', agentParticipantSchema],
  ['consumerParticipants', consumerParticipantSchema],
  ['consumerParticipant', consumerParticipantSchema],
  ['transfers', transferSchema],
  ['interactions', interactionSchema],
  ['dialogs', dialogSchema],
  ['messageScores', messageScoreSchema],
  ['messageScore', messageScoreSchema],
  ['messageStatuses', messageStatusSchema],
  ['conversationSurveys', conversationSurveySchema],
  ['previouslySubmittedAgentSurveys', agentSurveySchema],
  ['intents', intentSchema],
  ['uniqueIntents', uniqueIntentSchema],
  ['skillChanges', skillChangeSchema],
]

/** Every section schema `parseConversationRecord` parses with `parseFast`. */
const SECTION_SCHEMAS: Record<string, Schema> = {
  conversationInfoSchema,
  campaignSchema,
  monitoringSchema,
  messageRecordSchema,
  agentParticipantSchema,
  consumerParticipantSchema,
  transferSchema,
  interactionSchema,
  dialogSchema,
  messageScoreSchema,
  messageStatusSchema,
  conversationSurveySchema,
  agentSurveySchema,
  coBrowseSessionSchema,
  summarySchema,
  responseTimeSchema,
  intentSchema,
  uniqueIntentSchema,
  skillChangeSchema,
}

/** schema → the demo and seed values `parseConversationRecord` hands it. */
function sectionItems(): Map<Schema, unknown[]> {
  const items = new Map<Schema, unknown[]>(Object.values(SECTION_SCHEMAS).map((s) => [s, []]))
  const add = (schema: Schema, value: unknown) => {
    if (value !== null && value !== undefined) items.get(schema)?.push(value)
  }
  for (const record of RECORDS) {
    for (const [key, schema] of OBJECT_SECTIONS) add(schema, record[key])
    for (const [key, schema] of ARRAY_SECTIONS) {
      const list = record[key]
      if (Array.isArray(list)) for (const item of list) add(schema, item)
    }
    const coBrowse = record.coBrowseSessions
    const list = isPlain(coBrowse) ? coBrowse.coBrowseSessionsList : coBrowse
    if (Array.isArray(list)) for (const item of list) add(coBrowseSessionSchema, item)
  }
  return items
}

const ITEMS = sectionItems()

// ---------------------------------------------------------------------------------------------
// Structured content in the demo records

const ELEMENT_SCHEMAS: Record<string, Schema> = {
  text: sc.textElementSchema,
  button: sc.buttonElementSchema,
  image: sc.imageElementSchema,
  map: sc.mapElementSchema,
  linkPreview: sc.linkPreviewElementSchema,
  template: sc.templateElementSchema,
  keyValuePairList: sc.keyValuePairListElementSchema,
  checkbox: sc.checkboxElementSchema,
  submitButton: sc.submitButtonElementSchema,
  vertical: sc.verticalElementSchema,
  horizontal: sc.horizontalElementSchema,
  carousel: sc.carouselElementSchema,
  carouselSelect: sc.carouselSelectElementSchema,
  accordionSelect: sc.accordionSelectElementSchema,
  tabs: sc.tabsElementSchema,
  list: sc.listElementSchema,
  sectionList: sc.sectionListElementSchema,
  section: sc.sectionElementSchema,
  checklist: sc.checklistElementSchema,
  buttonList: sc.buttonListElementSchema,
}

/** Every exported structured-content schema (all of them compile). */
const SC_SCHEMAS: Record<string, Schema> = {}
for (const [name, value] of Object.entries(sc) as [string, unknown][]) {
  if (value instanceof z.ZodType) SC_SCHEMAS[name] = value
}

interface ScPayloads {
  /** Parsed `richContent` and `quickReplies` contents. */
  contents: unknown[]
  /** The same contents as the JSON strings the wire carries. */
  wire: string[]
  elements: Map<Schema, unknown[]>
  actions: unknown[]
  styles: unknown[]
  accessibility: unknown[]
  quickReplies: unknown[]
}

function scPayloads(): ScPayloads {
  const out: ScPayloads = {
    contents: [],
    wire: [],
    elements: new Map(Object.values(ELEMENT_SCHEMAS).map((s) => [s, []])),
    actions: [],
    styles: [],
    accessibility: [],
    quickReplies: [],
  }
  const visit = (node: unknown, depth: number) => {
    if (!isPlain(node) || depth > 40) return
    const schema = typeof node.type === 'string' ? ELEMENT_SCHEMAS[node.type] : undefined
    if (schema) out.elements.get(schema)?.push(node)
    if (node.style !== undefined) out.styles.push(node.style)
    if (isPlain(node.accessibility) && node.accessibility.web !== undefined) {
      out.accessibility.push(node.accessibility.web)
    }
    const actions: unknown = isPlain(node.click) ? node.click.actions : undefined
    if (Array.isArray(actions)) for (const action of actions as unknown[]) out.actions.push(action)
    if (Array.isArray(node.elements)) for (const child of node.elements) visit(child, depth + 1)
    if (Array.isArray(node.replies)) for (const reply of node.replies) visit(reply, depth + 1)
  }
  for (const record of RECORDS) {
    const messages = record.messageRecords
    if (!Array.isArray(messages)) continue
    for (const message of messages) {
      const data = isPlain(message) ? message.messageData : undefined
      if (!isPlain(data)) continue
      for (const key of ['richContent', 'quickReplies']) {
        const payload = data[key]
        const content = isPlain(payload) ? payload.content : undefined
        if (typeof content !== 'string') continue
        let parsed: unknown
        try {
          parsed = JSON.parse(content)
        } catch {
          continue
        }
        out.wire.push(content)
        out.contents.push(parsed)
        if (key === 'quickReplies') out.quickReplies.push(parsed)
        visit(parsed, 0)
      }
    }
  }
  return out
}

const SC = scPayloads()

/** schema → the values to test it on. */
function scCorpus(): Map<Schema, unknown[]> {
  const corpus = new Map<Schema, unknown[]>(SC.elements)
  corpus.set(sc.scActionSchema, SC.actions)
  corpus.set(sc.scUnsupportedActionSchema, [
    ...SC.actions.map((action) => sc.parseAction(action)),
    ...SC.actions.map((action) => ({
      type: 'unsupported',
      originalType: sc.parseAction(action).type,
    })),
  ])
  corpus.set(sc.scStyleSchema, SC.styles)
  corpus.set(sc.accessibilityWebSchema, SC.accessibility)
  corpus.set(sc.quickRepliesSchema, [...SC.quickReplies, ...SC.contents.slice(0, 50)])
  return corpus
}

const SC_CORPUS = scCorpus()

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// zod's internal layout, as the fast path reads it

/** `value` followed along `path` (property names), or undefined where a step is missing. */
function at(value: unknown, ...path: (string | number)[]): unknown {
  let node = value
  for (const key of path) {
    if ((typeof node !== 'object' && typeof node !== 'function') || node === null) return undefined
    node = Reflect.get(node, key)
  }
  return node
}

const hasTrait = (schema: unknown, trait: string) => {
  const traits = at(schema, '_zod', 'traits')
  return traits instanceof Set && traits.has(trait)
}

/** The first check of `schema` as zod stores it (`_zod.def.checks[0]._zod`). */
const firstCheck = (schema: unknown) => at(schema, '_zod', 'def', 'checks', 0, '_zod')

/**
 * Each internal field of zod's the compiler (record-fast-path.ts) reads, with what it expects to
 * find there. When zod changes one of them, the compiler would quietly stop compiling (every
 * schema left to zod) or, worse, misread a schema: this list says which read broke.
 */
const ZOD_LAYOUT: [string, () => boolean][] = [
  [
    "schema._zod.def.type names the node ('string')",
    () => at(z.string(), '_zod', 'def', 'type') === 'string',
  ],
  ['schema._zod.traits is a Set of trait names', () => hasTrait(z.string(), '$ZodString')],
  ...(
    [
      ['z.number()', z.number(), 'number', '$ZodNumber'],
      ['z.boolean()', z.boolean(), 'boolean', '$ZodBoolean'],
      ['z.unknown()', z.unknown(), 'unknown', '$ZodUnknown'],
      ['z.any()', z.any(), 'any', '$ZodAny'],
      ['z.enum()', z.enum(['a', 'b']), 'enum', '$ZodEnum'],
      ['z.literal()', z.literal('a'), 'literal', '$ZodLiteral'],
      ['.optional()', z.string().optional(), 'optional', '$ZodOptional'],
      ['z.exactOptional()', z.exactOptional(z.string()), 'optional', '$ZodExactOptional'],
      ['.default()', z.string().default('d'), 'default', '$ZodDefault'],
      ['.catch()', z.string().catch('c'), 'catch', '$ZodCatch'],
      ['z.transform()', z.transform((v) => v), 'transform', '$ZodTransform'],
      ['.pipe()', z.string().pipe(z.string()), 'pipe', '$ZodPipe'],
      [
        'z.codec()',
        z.codec(z.string(), z.number(), { decode: Number, encode: String }),
        'pipe',
        '$ZodCodec',
      ],
      ['z.array()', z.array(z.string()), 'array', '$ZodArray'],
      ['z.object()', z.object({}), 'object', '$ZodObject'],
      ['z.union()', z.union([z.string(), z.number()]), 'union', '$ZodUnion'],
      ['z.xor()', z.xor([z.string(), z.number()]), 'union', '$ZodXor'],
      [
        'z.discriminatedUnion()',
        z.discriminatedUnion('type', [z.object({ type: z.literal('a') })]),
        'union',
        '$ZodDiscriminatedUnion',
      ],
      ['z.int() (a schema that is also a check)', z.int(), 'number', '$ZodCheck'],
    ] as const
  ).map(([what, schema, type, trait]): [string, () => boolean] => [
    `${what}: def.type '${type}' and trait ${trait}`,
    () => at(schema, '_zod', 'def', 'type') === type && hasTrait(schema, trait),
  ]),
  [
    ".optional(): _zod.optin and _zod.optout are 'optional'",
    () =>
      at(z.string().optional(), '_zod', 'optin') === 'optional' &&
      at(z.string().optional(), '_zod', 'optout') === 'optional',
  ],
  [
    ".default(): _zod.optin is 'defaulted', _zod.optout unset",
    () =>
      at(z.string().default('d'), '_zod', 'optin') === 'defaulted' &&
      at(z.string().default('d'), '_zod', 'optout') === undefined,
  ],
  [
    'z.string(): no _zod.optin / optout (a required field)',
    () =>
      at(z.string(), '_zod', 'optin') === undefined &&
      at(z.string(), '_zod', 'optout') === undefined,
  ],
  [
    'object: _zod.propValues[key] is the Set of values a literal field accepts',
    () => {
      const values = at(z.object({ type: z.literal('a') }), '_zod', 'propValues', 'type')
      return values instanceof Set && values.has('a') && values.size === 1
    },
  ],
  [
    'optional / default / catch: def.innerType is the wrapped schema',
    () => {
      const inner = z.string()
      return [inner.optional(), inner.default('d'), inner.catch('c')].every(
        (schema) => at(schema, '_zod', 'def', 'innerType') === inner,
      )
    },
  ],
  [
    'default: def.defaultValue is the value',
    () => at(z.string().default('d'), '_zod', 'def', 'defaultValue') === 'd',
  ],
  [
    'catch(value): def.catchValue is a thunk tagged with util.CONSTANT_CATCH',
    () => {
      const catchValue = at(z.string().catch('c'), '_zod', 'def', 'catchValue')
      return (
        typeof catchValue === 'function' &&
        Reflect.get(catchValue, z.core.util.CONSTANT_CATCH) === true &&
        Reflect.apply(catchValue, undefined, []) === 'c' &&
        Reflect.get(
          at(
            z.string().catch(() => 'c'),
            '_zod',
            'def',
            'catchValue',
          ) as object,
          z.core.util.CONSTANT_CATCH,
        ) !== true
      )
    },
  ],
  [
    'transform: def.transform is the function as given',
    () => {
      const fn = (value: unknown) => value
      return at(z.transform(fn), '_zod', 'def', 'transform') === fn
    },
  ],
  [
    'pipe: def.in and def.out are its two schemas',
    () => {
      const a = z.string()
      const b = z.string()
      const pipe = a.pipe(b)
      return at(pipe, '_zod', 'def', 'in') === a && at(pipe, '_zod', 'def', 'out') === b
    },
  ],
  [
    'array: def.element is the item schema',
    () => {
      const item = z.string()
      return at(z.array(item), '_zod', 'def', 'element') === item
    },
  ],
  [
    'object: def.shape holds the field schemas; def.catchall unset (strip) or z.unknown() (loose)',
    () => {
      const field = z.string()
      return (
        at(z.object({ a: field }), '_zod', 'def', 'shape', 'a') === field &&
        at(z.object({ a: field }), '_zod', 'def', 'catchall') === undefined &&
        at(z.looseObject({}), '_zod', 'def', 'catchall', '_zod', 'def', 'type') === 'unknown'
      )
    },
  ],
  [
    'union: def.options; discriminated: def.discriminator and def.unionFallback',
    () => {
      const a = z.object({ type: z.literal('a') })
      const union = z.discriminatedUnion('type', [a], { unionFallback: true })
      return (
        at(union, '_zod', 'def', 'options', 0) === a &&
        at(union, '_zod', 'def', 'discriminator') === 'type' &&
        at(union, '_zod', 'def', 'unionFallback') === true
      )
    },
  ],
  [
    'enum: util.getEnumValues(def.entries) lists its values',
    () => {
      const entries = at(z.enum(['a', 'b']), '_zod', 'def', 'entries')
      return isDeepStrictEqual(z.core.util.getEnumValues(entries as z.core.util.EnumLike), [
        'a',
        'b',
      ])
    },
  ],
  [
    'literal: def.values is the array of values',
    () => isDeepStrictEqual(at(z.literal(['a', 2]), '_zod', 'def', 'values'), ['a', 2]),
  ],
  ['z.coerce: def.coerce is true', () => at(z.coerce.number(), '_zod', 'def', 'coerce') === true],
  [
    'checks: def.checks[i]._zod.def.check names the check, with its traits',
    () => {
      const check = firstCheck(z.string().max(3))
      return (
        at(check, 'def', 'check') === 'max_length' &&
        hasTrait({ _zod: check }, '$ZodCheckMaxLength')
      )
    },
  ],
  [
    'max / min length: def.maximum / def.minimum, and one shared default `when`',
    () => {
      const max = firstCheck(z.string().max(3))
      const min = firstCheck(z.array(z.string()).min(1))
      return (
        at(max, 'def', 'maximum') === 3 &&
        at(min, 'def', 'minimum') === 1 &&
        hasTrait({ _zod: min }, '$ZodCheckMinLength') &&
        typeof at(max, 'def', 'when') === 'function' &&
        at(max, 'def', 'when') === at(min, 'def', 'when') &&
        at(firstCheck(z.number().min(1)), 'def', 'when') === undefined
      )
    },
  ],
  [
    "regex: check 'string_format' with def.pattern",
    () => {
      const check = firstCheck(z.string().regex(/a/))
      return (
        at(check, 'def', 'check') === 'string_format' &&
        at(check, 'def', 'pattern') instanceof RegExp &&
        hasTrait({ _zod: check }, '$ZodCheckRegex')
      )
    },
  ],
  [
    "trim / toLowerCase: check 'overwrite' with def.tx",
    () => {
      const check = firstCheck(z.string().trim())
      return (
        at(check, 'def', 'check') === 'overwrite' &&
        typeof at(check, 'def', 'tx') === 'function' &&
        hasTrait({ _zod: check }, '$ZodCheckOverwrite')
      )
    },
  ],
  [
    "gt / lte: checks 'greater_than' / 'less_than' with def.value and def.inclusive",
    () => {
      const gt = firstCheck(z.number().gt(1))
      const lte = firstCheck(z.number().lte(2))
      return (
        at(gt, 'def', 'check') === 'greater_than' &&
        at(gt, 'def', 'value') === 1 &&
        at(gt, 'def', 'inclusive') === false &&
        hasTrait({ _zod: gt }, '$ZodCheckGreaterThan') &&
        at(lte, 'def', 'check') === 'less_than' &&
        at(lte, 'def', 'value') === 2 &&
        at(lte, 'def', 'inclusive') === true &&
        hasTrait({ _zod: lte }, '$ZodCheckLessThan')
      )
    },
  ],
  [
    "int: check 'number_format' with def.format, its range in util.NUMBER_FORMAT_RANGES",
    () => {
      const check = firstCheck(z.number().int())
      const format = at(check, 'def', 'format')
      const ranges: Record<string, unknown> = z.core.util.NUMBER_FORMAT_RANGES
      return (
        at(check, 'def', 'check') === 'number_format' &&
        hasTrait({ _zod: check }, '$ZodCheckNumberFormat') &&
        typeof format === 'string' &&
        Array.isArray(ranges[format])
      )
    },
  ],
  ['util.codePointLength counts code points', () => z.core.util.codePointLength('😀a') === 2],
  [
    'core.isRecursiveSchema tells a recursive schema',
    () => {
      const tree: z.ZodType = z.object({
        get children() {
          return z.array(tree)
        },
      })
      return (
        z.core.isRecursiveSchema(tree) && !z.core.isRecursiveSchema(z.object({ a: z.string() }))
      )
    },
  ],
  ['core.$ZodAsyncError is an Error class', () => new z.core.$ZodAsyncError() instanceof Error],
]

describe("zod's internal layout, as the fast path reads it", () => {
  test('every field the compiler reads is where and what it expects', () => {
    const broken = ZOD_LAYOUT.flatMap(([what, holds]) => {
      try {
        return holds() ? [] : [what]
      } catch (error) {
        return [`${what} (threw: ${String(error)})`]
      }
    })
    expect(
      broken,
      `zod's internal layout (installed: zod ${z.core.version.major}.${z.core.version.minor}.${z.core.version.patch}) no longer matches what the record fast path (src/domain/schema/record-fast-path.ts, written against zod 4.6.7) reads; until the compiler is adapted to it, the fast path cannot be trusted. These reads broke`,
    ).toStrictEqual([])
  })
})

describe('record section schemas', () => {
  test.each(Object.entries(SECTION_SCHEMAS))('%s compiles', (_name, schema) => {
    expect(fastParser(schema)).toBeTypeOf('function')
  })

  test('the demo records and the seed exercise every section schema', () => {
    for (const [name, schema] of Object.entries(SECTION_SCHEMAS)) {
      expect(ITEMS.get(schema)?.length ?? 0, name).toBeGreaterThan(0)
    }
  })

  test.each(Object.entries(SECTION_SCHEMAS))(
    '%s: same answer as zod on every demo and seed item',
    (name, schema) => {
      const items = ITEMS.get(schema) ?? []
      const stats = expectSameAnswers(schema, items, name)
      // and the fast path really is taken for them: (nearly) every demo item is clean
      expect(stats.cases, name).toBe(items.length)
      const fast = items.length - stats.fastFailed
      const clean = items.length - stats.zodFailed
      expect(fast, `${name}: items on the fast path`).toBe(clean)
      expect(fast / items.length, `${name}: share on the fast path`).toBeGreaterThan(0.9)
    },
  )

  test('the seed record, item by item, with toStrictEqual', () => {
    const record = seedRecord()
    for (const [key, schema] of [...OBJECT_SECTIONS, ...ARRAY_SECTIONS]) {
      const section = record[key]
      for (const item of Array.isArray(section)
        ? section
        : section === undefined
          ? []
          : [section]) {
        const zod = schema.safeParse(item)
        const fast = parseFast(schema, item)
        expect(fast.success, key).toBe(zod.success)
        expect(fast.data, key).toStrictEqual(zod.data)
        expect(Object.keys(fast.data ?? {}), key).toStrictEqual(Object.keys(zod.data ?? {}))
      }
    }
  })
})

/** Mutation cases per record section schema. */
const RECORD_MUTATIONS = 1500

// heavier than the default 5 s allows on a slow machine
describe('mutated record sections', { timeout: 30_000 }, () => {
  test.each(Object.entries(SECTION_SCHEMAS))('%s: same answer as zod', (name, schema) => {
    const stats = mutationsAgree(schema, name, ITEMS.get(schema) ?? [], RECORD_MUTATIONS, false)
    expect(stats.cases).toBe(RECORD_MUTATIONS)
    // the mutations must reach both outcomes, or the test says little
    expect(stats.zodFailed, `${name}: cases zod rejects`).toBeGreaterThan(RECORD_MUTATIONS * 0.1)
    expect(stats.zodFailed, `${name}: cases zod accepts`).toBeLessThan(RECORD_MUTATIONS * 0.95)
  })
})

/**
 * `count` mutations of values drawn from `pool` (seeded by the schema's name), each answered by
 * the fast path as zod answers it; what zod made of them.
 */
function mutationsAgree(
  schema: Schema,
  name: string,
  pool: readonly unknown[],
  count: number,
  structured: boolean,
): Stats {
  const rng = prng(hash(structured ? `sc:${name}` : name))
  const cases = function* () {
    for (let i = 0; i < count; i++) yield mutate(rng.pick(pool), rng, structured)
  }
  return expectSameAnswers(schema, cases(), name)
}

function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

/** `run` with the fast path off (zod only). */
function zodOnly<T>(run: () => T): T {
  setFastParseEnabled(false)
  try {
    return run()
  } finally {
    setFastParseEnabled(true)
  }
}

/** The whole-record parse with the fast path on and off (zod only). */
function bothWays<T>(run: () => T): { fast: T; zod: T } {
  const fast = run()
  return { fast, zod: zodOnly(run) }
}

// heavier than the default 5 s allows on a slow machine
describe('parseConversationRecord with and without the fast path', { timeout: 30_000 }, () => {
  test('the disabling hook really disables it', () => {
    // a value the fast path accepts; with the hook off, parseFast is safeParse (a fresh object
    // per call either way, so only the call count can tell): count schema runs
    const schema = z.object({ a: z.string() })
    const spy = { calls: 0 }
    const original = schema.safeParse.bind(schema)
    schema.safeParse = (value: unknown) => {
      spy.calls++
      return original(value)
    }
    parseFast(schema, { a: 'x' })
    expect(spy.calls).toBe(0)
    bothWays(() => parseFast(schema, { a: 'x' }))
    expect(spy.calls).toBe(1)
  })

  test('the fast path is off until enableRecordFastPath() turns it on', () => {
    // a value the fast path accepts: before the call zod parsed it, after it the fast path does
    expect(ZOD_RUNS_BEFORE_ENABLING).toBe(1)
    expect(zodRuns((schema) => parseFast(schema, { a: 'x' }))).toBe(0)
    // asking again changes nothing
    enableRecordFastPath()
    expect(zodRuns((schema) => parseFast(schema, { a: 'x' }))).toBe(0)
  })

  test('same record and warnings for every demo record and the seed', () => {
    const differ: string[] = []
    for (const raw of RECORDS) {
      const { fast, zod } = bothWays(() => parseConversationRecord(copy(raw)))
      if (!same(fast, zod)) {
        differ.push(String(isPlain(raw.info) ? raw.info.conversationId : '?'))
        if (differ.length === 1) expect(fast).toStrictEqual(zod)
      }
    }
    expect(differ).toStrictEqual([])
  })

  test('same record and warnings for 600 mutated records', () => {
    const rng = prng(7)
    // the few 2,000-message conversations make mutating slow; their items are fuzzed above
    const small = RECORDS.filter(
      (r) => !Array.isArray(r.messageRecords) || r.messageRecords.length < 300,
    )
    let warned = 0
    const differ: string[] = []
    for (let i = 0; i < 600; i++) {
      const raw = mutate(rng.pick(small), rng, false)
      // `raw` is this case's own (a mutated copy): the fast run parses a copy, zod the original
      const fast = parseConversationRecord(copy(raw))
      const zod = zodOnly(() => parseConversationRecord(raw))
      if (fast.ok && fast.warnings.length > 0) warned++
      if (!same(fast, zod)) {
        differ.push(JSON.stringify(raw).slice(0, 200))
        if (differ.length === 1) expect(fast).toStrictEqual(zod)
      }
    }
    expect(differ).toStrictEqual([])
    expect(warned, 'mutated records with warnings').toBeGreaterThan(100)
  })
})

describe('structured-content schemas', () => {
  test.each(Object.entries(SC_SCHEMAS))('%s compiles', (_name, schema) => {
    expect(fastParser(schema)).toBeTypeOf('function')
  })

  test('the demo records hold every element type, actions, styles and quick replies', () => {
    for (const [type, schema] of Object.entries(ELEMENT_SCHEMAS)) {
      expect(SC.elements.get(schema)?.length ?? 0, type).toBeGreaterThan(0)
    }
    expect(SC.actions.length).toBeGreaterThan(50)
    expect(SC.styles.length).toBeGreaterThan(10)
    expect(SC.accessibility.length).toBeGreaterThan(0)
    expect(SC.quickReplies.length).toBeGreaterThan(10)
  })

  test.each(Object.entries(SC_SCHEMAS))(
    '%s: same answer as zod on the demo payloads',
    (name, schema) => {
      const values = SC_CORPUS.get(schema) ?? []
      expect(values.length, name).toBeGreaterThan(0)
      expectSameAnswers(schema, values, name)
    },
  )

  test('every element also against every other element schema (wrong type)', () => {
    const elements = [...SC.elements.values()].flatMap((list) => list.slice(0, 20))
    for (const [type, schema] of Object.entries(ELEMENT_SCHEMAS)) {
      expectSameAnswers(schema, elements, type)
    }
  })
})

/** Mutation cases per structured-content schema. */
const SC_MUTATIONS = 1200

// heavier than the default 5 s allows on a slow machine
describe('mutated structured content', { timeout: 30_000 }, () => {
  test.each(Object.entries(SC_SCHEMAS))('%s: same answer as zod', (name, schema) => {
    const stats = mutationsAgree(schema, name, SC_CORPUS.get(schema) ?? [], SC_MUTATIONS, true)
    expect(stats.cases).toBe(SC_MUTATIONS)
    expect(stats.zodFailed, `${name}: cases zod rejects`).toBeGreaterThan(SC_MUTATIONS * 0.05)
    expect(stats.zodFailed, `${name}: cases zod accepts`).toBeLessThan(SC_MUTATIONS * 0.9)
  })

  test('structuredContentText, parseStructuredContent and parseQuickReplies agree', () => {
    const rng = prng(11)
    const inputs: unknown[] = [...SC.wire, ...SC.contents]
    for (let i = 0; i < 1500; i++) inputs.push(mutate(rng.pick(SC.contents), rng, true))
    const differ: unknown[] = []
    for (const input of inputs) {
      const { fast, zod } = bothWays(() => ({
        text: sc.structuredContentText(input),
        tree: sc.parseStructuredContent(input, { maxElements: 10_000 }),
        replies: sc.parseQuickReplies(input),
      }))
      if (!same(fast, zod)) {
        differ.push(input)
        if (differ.length === 1) expect(fast).toStrictEqual(zod)
      }
    }
    expect(differ).toStrictEqual([])
  })
})

// ---------------------------------------------------------------------------------------------
// Each compiled construct on its own, over a pool of values

const POOL: unknown[] = [
  undefined,
  ...JUNK.map((make) => make()),
  ...SC_JUNK.map((make) => make()),
  'a',
  'A',
  'b',
  'x',
  ' a ',
  'AbC',
  'single',
  2,
  3,
  99,
  { a: 'x' },
  { a: 1 },
  { a: undefined },
  { a: 'x', b: 2 },
  { type: 'a', n: 1 },
  { type: 'b', s: 's' },
  { type: 'b', s: 1 },
  { type: 'c' },
  { type: undefined },
  { n: 1 },
  { tag: 'x' },
  { tag: ['y', 'z'] },
  ['a', 'b'],
  ['a', 1],
  ['a', 'b', 'c', 'd'],
]

/** Cases over the pool: each value alone and under key `a` (absent, present, undefined). */
function poolCases(): unknown[] {
  return [...POOL, ...POOL.map((a) => ({ a })), ...POOL.map((a) => ({ a, extra: 1 })), {}, { b: 1 }]
}

const constructs: [string, Schema][] = [
  ['string', z.string()],
  ['number', z.number()],
  ['boolean', z.boolean()],
  ['unknown', z.unknown()],
  ['any', z.any()],
  ['enum', z.enum(['a', 'b', 'single'])],
  ['literal', z.literal('a')],
  ['literal, several', z.literal(['a', 2, true, null])],
  ['optional', z.string().optional()],
  ['default', z.string().default('d')],
  ['default (array, fresh copy)', z.array(z.string()).default([])],
  ['default (function)', z.number().default(() => 7)],
  ['optional over default', z.string().default('d').optional()],
  ['catch', z.string().catch('c')],
  ['catch undefined', z.string().optional().catch(undefined)],
  ['catch object', z.object({ a: z.string() }).catch({ a: 'fallback' })],
  ['pipe', z.string().pipe(z.enum(['a', 'b']))],
  ['preprocess', z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string())],
  ['transform', z.string().transform((s) => s.length)],
  ['transform to undefined', z.string().transform((_s) => undefined)],
  ['union: first success wins', z.union([z.string().transform((_s) => 'first'), z.string()])],
  ['union of objects', z.union([z.object({ a: z.number() }), z.object({ a: z.string() })])],
  ['union, one option', z.union([z.string()])],
  [
    'discriminated union',
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('a'), n: z.number().optional() }),
      z.object({ type: z.literal('b'), s: z.string() }),
    ]),
  ],
  [
    'discriminated union with fallback',
    z.discriminatedUnion(
      'type',
      [
        z.object({ type: z.literal('a'), n: z.number() }),
        z.object({ type: z.literal('b'), s: z.string() }),
      ],
      { unionFallback: true },
    ),
  ],
  [
    'trim + regex + max',
    z
      .string()
      .trim()
      .max(3)
      .regex(/^[a-z]+$/i),
  ],
  [
    'toLowerCase + enum',
    z
      .string()
      .toLowerCase()
      .pipe(z.enum(['abc', 'a'])),
  ],
  ['min length', z.string().min(2)],
  ['max length, code points', z.string().max(4)],
  ['array max / min', z.array(z.string()).min(1).max(3)],
  ['number min / max', z.number().min(0).max(100)],
  ['number gt / lt', z.number().gt(0).lt(100)],
  ['int', z.number().int()],
  ['z.int()', z.int()],
  ['int32', z.int32()],
  ['uint32', z.uint32()],
  ['float32', z.float32()],
  ['checks on an optional', z.string().max(2).optional()],
  [
    'object: optional, catch, default, transform fields',
    z.object({
      a: z.string().optional().catch(undefined),
      b: z.number().default(1),
      c: z.string().catch('c'),
      d: z.transform((v) => v),
      e: z
        .array(z.unknown())
        .catch([])
        .default([])
        .transform((list) => list.length),
      f: z.string().default('f').optional(),
      g: z.unknown(),
    }),
  ],
  ['loose object', z.looseObject({ a: z.string().optional(), b: z.number().optional() })],
  ['object with __proto__ key', z.object({ ['__proto__']: z.string().optional(), a: z.unknown() })],
  ['object with constructor key', z.object({ constructor: z.unknown(), a: z.string().optional() })],
]

describe('each compiled construct', () => {
  test.each(constructs)('%s: compiles and answers as zod', (name, schema) => {
    expect(fastParser(schema), name).toBeTypeOf('function')
    expectSameAnswers(schema, poolCases(), name)
  })

  test('a default value is a fresh copy each time, as zod makes it', () => {
    const schema = z.object({ list: z.array(z.string()).default([]) })
    const a = parseFast(schema, {})
    const b = parseFast(schema, {})
    expect(a.data?.list).toStrictEqual([])
    expect(a.data?.list).not.toBe(b.data?.list)
  })

  test('a constant catch value is the same object each time, as zod returns it', () => {
    const fallback = { a: 'fallback' }
    const schema = z.object({ a: z.string() }).catch(fallback)
    expect(parseFast(schema, 1).data).toBe(fallback)
    expect(schema.safeParse(1).data).toBe(fallback)
  })
})

describe('constructs left to zod', () => {
  const unsupported: [string, Schema][] = [
    ['catch callback', z.string().catch(() => 'x')],
    ['transform with context', z.string().transform((s, ctx) => (ctx.issues.length ? s : s))],
    // with no declared parameter it may still read its arguments (`...args`, defaults)
    ['transform without parameters', z.string().transform((...args) => args.length)],
    ['refine', z.string().refine((s) => s.length > 1)],
    ['strict object', z.strictObject({ a: z.string() })],
    ['catchall string', z.object({}).catchall(z.string())],
    ['email format', z.email()],
    ['url format', z.string().url()],
    ['nullable', z.string().nullable()],
    ['coerce', z.coerce.number()],
    ['record', z.record(z.string(), z.string())],
    ['codec', z.codec(z.string(), z.number(), { decode: Number, encode: String })],
    ['exact optional', z.object({ a: z.exactOptional(z.string()) })],
    ['xor', z.xor([z.string(), z.number()])],
    ['lazy', z.lazy(() => z.string())],
    ['prefault', z.string().prefault('x')],
    ['startsWith', z.string().startsWith('a')],
    ['multipleOf', z.number().multipleOf(2)],
    ['nested unsupported', z.object({ a: z.object({ b: z.string().nullable() }) })],
  ]
  test.each(unsupported)('%s: no fast path, parseFast is safeParse', (_name, schema) => {
    expect(fastParser(schema)).toBeUndefined()
    for (const value of poolCases()) {
      const zod = schema.safeParse(value)
      const fast = parseFast(schema, value)
      expect(fast.success).toBe(zod.success)
      expect(fast.data).toStrictEqual(zod.data)
    }
  })

  test('a recursive schema is left to zod', () => {
    interface Tree {
      name: string
      children: Tree[]
    }
    const tree: z.ZodType<Tree> = z.object({
      name: z.string(),
      get children() {
        return z.array(tree)
      },
    })
    expect(fastParser(tree)).toBeUndefined()
  })
})
