import { render } from '@testing-library/react'
import fc from 'fast-check'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { QuickReplies } from '@/app/features/rich-content/quick-replies'
import { RichContent } from '@/app/features/rich-content/rich-content'

/** Strings an attacker or a broken bot might send, mixed with arbitrary ones. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\nscript:alert(1)',
  'java\tscript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'data:image/png;base64,iVBORw0KGgo=',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  '/\\evil.example/x',
  '\\\\evil.example\\x',
  '/demo/card.svg',
  'https://ok.example/a.png',
  'http://ok.example/?q=<b>',
  'red;background:url(javascript:alert(1))',
  'expression(alert(1))',
  '\u0000\u202e\ufeff',
  '__proto__',
  'constructor',
  '',
]

const str = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
)
const num = fc.oneof(fc.double(), fc.integer({ min: -200, max: 200 }), str)
const loose = fc.oneof(str, num, fc.boolean(), fc.constant(null), fc.constant(undefined))

const TYPES = [
  'text', 'button', 'image', 'map', 'linkPreview', 'template', 'keyValuePairList', 'checkbox',
  'submitButton', 'vertical', 'horizontal', 'carousel', 'carouselSelect', 'accordionSelect',
  'tabs', 'list', 'sectionList', 'section', 'checklist', 'buttonList', 'quickReplies', 'hologram',
  '__proto__', 'toString',
] // prettier-ignore

const action = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'link', 'publishText', 'navigate', 'datePicker', 'scheduleSlotList', 'addToCart', 'custom',
        'checked', 'submitAsText', 'teleport',
      ), // prettier-ignore
      loose,
    ),
    uri: str,
    text: str,
    name: str,
    la: num,
    lo: num,
    publishText: str,
    title: str,
    class: fc.constantFrom('single', 'range', 'x'),
    minDate: num,
    maxDate: num,
    items: fc.array(fc.record({ productId: str, quantity: num }), { maxLength: 2 }),
    data: fc.array(fc.record({ key: str, value: fc.jsonValue({ maxDepth: 1 }) }), { maxLength: 2 }),
    slots: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  },
  { requiredKeys: ['type'] },
)

const style = fc.record(
  {
    color: str,
    'background-color': str,
    'border-color': str,
    'border-radius': num,
    bold: loose,
    italic: loose,
    size: fc.oneof(fc.constantFrom('small', 'medium', 'large'), str),
    'color-active': str,
  },
  { requiredKeys: [] },
)

const accessibility = fc.record({
  web: fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'role', 'tabindex', 'aria-label', 'aria-hidden', 'aria-level', 'aria-live', 'aria-checked',
        'aria-labelledby', 'onclick', 'onerror', 'style', 'href', 'src', 'dangerouslySetInnerHTML',
        'children', 'ref', 'key',
      ), // prettier-ignore
      str,
    ),
    fc.oneof(str, fc.jsonValue({ maxDepth: 1 })),
    { maxKeys: 4 },
  ),
})

const fields = {
  type: fc.constantFrom(...TYPES),
  text: str,
  title: str,
  subtitle: str,
  url: str,
  caption: str,
  alt: str,
  tooltip: str,
  tag: str,
  la: num,
  lo: num,
  rtl: loose,
  class: fc.constantFrom('text', 'button', 'x'),
  templateType: fc.constantFrom('quickReply', 'other'),
  resp: fc.array(fc.oneof(str, num), { maxLength: 3 }),
  style,
  accessibility,
  click: fc.record({ actions: fc.array(action, { maxLength: 3 }) }, { requiredKeys: [] }),
  border: fc.constantFrom('border', 'borderLess', 'dropShadow', 'x'),
  scroll: fc.constantFrom('enable', 'disable'),
  borderLine: loose,
  borderColor: str,
  percentages: fc.array(num, { maxLength: 4 }),
  padding: num,
  selectMode: fc.record({ name: str, type: fc.constantFrom('single', 'multiple', 'x') }),
  titles: fc.array(fc.record({ name: str, additional: str }, { requiredKeys: [] }), {
    maxLength: 3,
  }),
  sectionID: str,
  disabled: loose,
  itemsPerRow: num,
}

const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'sc' },
    fc.record(fields, { requiredKeys: ['type'] }),
    fc.record(
      {
        ...fields,
        elements: fc.array(fc.oneof({ depthIdentifier: 'sc' }, tie('node'), loose), {
          maxLength: 5,
        }),
      },
      { requiredKeys: ['type', 'elements'] },
    ),
    fc.record({
      type: fc.constant('keyValuePairList'),
      elements: fc.array(fc.record({ key: str, value: loose }, { requiredKeys: [] }), {
        maxLength: 3,
      }),
    }),
  ),
}))

const quickReplies = fc.record(
  {
    type: fc.constantFrom('quickReplies', 'x'),
    itemsPerRow: num,
    replies: fc.array(fc.oneof(node, loose), { maxLength: 12 }),
  },
  { requiredKeys: ['replies'] },
)

const URL_ATTRIBUTES = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data',
  'ping', 'cite', 'longdesc', 'manifest',
]) // prettier-ignore
const WEB_OR_SAME_ORIGIN = /^(https?:\/\/|\/(?![/\\]))/i
const DATA_IMAGE = /^data:image\//i

/** The safety invariants every render must keep. */
function assertSafe(root: ParentNode) {
  // React's server renderer adds `<link rel="preload" as="image">` hints for images; their
  // href is checked like any other below.
  expect(
    root.querySelector(
      'script, iframe, object, embed, base, meta, frame, link:not([rel="preload"][as="image"])',
    ),
  ).toBeNull()
  for (const el of root.querySelectorAll('*')) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase()
      expect(name.startsWith('on'), `event-handler attribute ${name}`).toBe(false)
      if (URL_ATTRIBUTES.has(name)) {
        const image = (name === 'src' && el.tagName === 'IMG') || el.tagName === 'LINK'
        const allowed =
          WEB_OR_SAME_ORIGIN.test(attr.value) || (image && DATA_IMAGE.test(attr.value))
        expect(allowed, `${el.tagName} ${name}="${attr.value}"`).toBe(true)
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u001f]/.test(attr.value), 'control character in a URL').toBe(false)
      }
      if (name === 'style') {
        expect(attr.value).not.toMatch(/url\(|expression\(|javascript:/i)
      }
    }
    if (el.tagName === 'A' && el.getAttribute('target') === '_blank') {
      expect(el.getAttribute('rel')).toBe('noopener noreferrer')
    }
    if (el.tagName === 'IMG') expect(el.getAttribute('referrerpolicy')).toBe('no-referrer')
  }
  expect(root.textContent).not.toMatch(/this rich content could not be displayed/)
}

let consoleError: MockInstance

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error')
})
afterEach(() => {
  vi.restoreAllMocks()
})

/** Server-renders (fast, and without the error boundary's safety net: a throw fails the test). */
function checkStatic(ui: ReactElement) {
  const template = document.createElement('template')
  template.innerHTML = renderToStaticMarkup(ui)
  assertSafe(template.content)
  expect(consoleError).not.toHaveBeenCalled()
}

/** Renders into the live DOM, as the app does. */
function checkLive(ui: ReactElement) {
  const { container, unmount } = render(ui)
  try {
    assertSafe(container)
    // React warnings (bad props, keys, attribute values) would show up here.
    expect(consoleError).not.toHaveBeenCalled()
  } finally {
    unmount()
  }
}

const LONG = 120_000

describe('the renderer, fed arbitrary content', () => {
  it(
    'never throws and never emits a script, an event handler or a non-http(s) link (trees)',
    () => {
      fc.assert(
        fc.property(node, fc.option(str, { nil: undefined }), (content, chosenText) => {
          checkStatic(<RichContent content={content} chosenText={chosenText} />)
        }),
        { numRuns: 1500 },
      )
    },
    LONG,
  )

  it(
    'holds for any JSON value and its string form',
    () => {
      fc.assert(
        fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, asString) => {
          const content = asString ? JSON.stringify(value) : value
          checkStatic(<RichContent content={content} raw={JSON.stringify(value)} />)
        }),
        { numRuns: 1000 },
      )
    },
    LONG,
  )

  it(
    'holds for quick replies',
    () => {
      fc.assert(
        fc.property(quickReplies, fc.option(str, { nil: undefined }), (content, chosenText) => {
          checkStatic(<QuickReplies content={content} chosenText={chosenText} />)
        }),
        { numRuns: 500 },
      )
    },
    LONG,
  )

  it(
    'holds when rendered into the live DOM too',
    () => {
      fc.assert(
        fc.property(node, fc.option(str, { nil: undefined }), (content, chosenText) => {
          checkLive(<RichContent content={content} chosenText={chosenText} />)
        }),
        { numRuns: 150 },
      )
    },
    LONG,
  )
})
