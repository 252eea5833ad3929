import { describe, expect, it } from 'vitest'
import {
  accessibilityWebSchema,
  buttonChoiceTexts,
  cardChoiceTexts,
  matchesChoice,
  MAX_RENDERED_ELEMENTS,
  parseAction,
  parseQuickReplies,
  parseStructuredContent,
  quickReplyRows,
  scStyleSchema,
  structuredContentText,
  type ScNode,
} from '@/domain/schema/structured-content'

const text = (t: string) => ({ type: 'text', text: t })

function childrenOf(node: ScNode | undefined): ScNode[] {
  if (!node || !('children' in node)) throw new Error('expected a container')
  return node.children
}

describe('parseStructuredContent', () => {
  it('parses a card with its elements and no issues', () => {
    const parsed = parseStructuredContent({
      type: 'vertical',
      elements: [
        text('Hello'),
        { type: 'image', url: 'https://example.com/a.png', caption: 'A' },
        {
          type: 'button',
          title: 'Buy',
          click: { actions: [{ type: 'link', uri: 'https://example.com', name: 'Shop' }] },
        },
        { type: 'map', la: 40.7, lo: -74 },
      ],
    })
    expect(parsed.issues).toEqual([])
    expect(parsed.elementCount).toBe(5)
    const kids = childrenOf(parsed.root)
    expect(kids.map((k) => k.type)).toEqual(['text', 'image', 'button', 'map'])
    const button = kids[2]
    expect(button?.type === 'button' ? button.click?.actions : undefined).toEqual([
      { type: 'link', uri: 'https://example.com', name: 'Shop', target: undefined },
    ])
  })

  it('accepts a JSON string, as json-pollock does', () => {
    const parsed = parseStructuredContent(JSON.stringify(text('hi')))
    expect(parsed.root).toMatchObject({ type: 'text', text: 'hi' })
  })

  it('reports bad JSON, and content that is not an object', () => {
    expect(parseStructuredContent(undefined).issues[0]?.message).toMatch(/not valid JSON/)
    expect(parseStructuredContent('{oops').issues[0]?.message).toMatch(/not valid JSON/)
    expect(parseStructuredContent(42).issues[0]?.message).toMatch(/not a structured-content/)
    expect(parseStructuredContent([text('a')]).root).toBeUndefined()
  })

  it('turns an unknown or invalid element into an unsupported node and keeps its siblings', () => {
    const parsed = parseStructuredContent({
      type: 'vertical',
      elements: [text('before'), { type: 'hologram' }, { type: 'button' }, 7, text('after')],
    })
    expect(childrenOf(parsed.root).map((k) => k.type)).toEqual([
      'text',
      'unsupported',
      'unsupported',
      'unsupported',
      'text',
    ])
    expect(parsed.issues.map((i) => i.path)).toEqual(['elements[1]', 'elements[2]', 'elements[3]'])
    expect(parsed.issues[0]?.message).toMatch(/unknown element type "hologram"/)
    expect(parsed.issues[1]?.message).toMatch(/^button: title/)
  })

  it('drops an invalid optional field instead of failing its element', () => {
    const parsed = parseStructuredContent({
      type: 'text',
      text: 'hi',
      tooltip: 5,
      style: { color: 'red; background: url(javascript:alert(1))', bold: true, size: 'huge' },
    })
    expect(parsed.issues).toEqual([])
    expect(parsed.root).toMatchObject({
      type: 'text',
      tooltip: undefined,
      style: { bold: true, color: undefined, size: undefined },
    })
  })

  it('keeps only the first 50 elements and says how many were skipped', () => {
    const parsed = parseStructuredContent({
      type: 'vertical',
      elements: Array.from({ length: 60 }, (_, i) => text(`t${String(i)}`)),
    })
    expect(parsed.elementCount).toBe(MAX_RENDERED_ELEMENTS)
    expect(childrenOf(parsed.root)).toHaveLength(MAX_RENDERED_ELEMENTS - 1)
    expect(parsed.skippedCount).toBe(11)
    expect(parsed.issues.at(-1)?.message).toMatch(/only the first 50 elements are shown; 11 more/)
  })

  it('counts nested elements towards the cap, depth first', () => {
    const card = { type: 'vertical', elements: [text('a'), text('b'), text('c')] }
    const parsed = parseStructuredContent({
      type: 'carousel',
      elements: Array.from({ length: 13 }, () => card),
    })
    // 1 carousel + 12 full cards of 4 elements = 49; the 13th card keeps its vertical only.
    expect(parsed.elementCount).toBe(50)
    const cards = childrenOf(parsed.root)
    expect(cards).toHaveLength(13)
    expect(childrenOf(cards[12])).toHaveLength(0)
    expect(parsed.skippedCount).toBe(3)
  })

  it('stops at absurd nesting without overflowing the stack', () => {
    let deep: unknown = text('bottom')
    for (let i = 0; i < 5000; i += 1) deep = { type: 'vertical', elements: [deep] }
    const parsed = parseStructuredContent(deep, { maxElements: 100_000 })
    expect(parsed.issues.some((i) => /nested too deeply/.test(i.message))).toBe(true)
  })

  it('accepts numeric strings for map coordinates', () => {
    expect(parseStructuredContent({ type: 'map', la: '40.5', lo: '-3' }).root).toMatchObject({
      la: 40.5,
      lo: -3,
    })
    expect(parseStructuredContent({ type: 'map', la: 'north', lo: 1 }).root?.type).toBe(
      'unsupported',
    )
  })
})

describe('actions', () => {
  it('parses known actions and keeps unknown ones as unsupported', () => {
    expect(parseAction({ type: 'publishText', text: 'yes' })).toEqual({
      type: 'publishText',
      text: 'yes',
    })
    expect(parseAction({ type: 'teleport' })).toEqual({
      type: 'unsupported',
      originalType: 'teleport',
    })
    expect(parseAction({ type: 'link' })).toEqual({ type: 'unsupported', originalType: 'link' })
    expect(parseAction(null)).toEqual({ type: 'unsupported', originalType: 'unknown' })
  })
})

describe('style and accessibility schemas', () => {
  it('keeps colours that are colours and nothing that could carry a url()', () => {
    const style = scStyleSchema.parse({
      color: '#0363ad',
      'background-color': 'rgb(1, 2, 3)',
      'border-color': 'expression(alert(1))',
    })
    expect(style).toMatchObject({
      color: '#0363ad',
      'background-color': 'rgb(1, 2, 3)',
      'border-color': undefined,
    })
  })

  it('keeps only allowed ARIA attributes with valid values', () => {
    const web = accessibilityWebSchema.parse({
      role: 'heading',
      'aria-level': '2',
      'aria-label': 'Offer',
      'aria-hidden': 'maybe',
      'aria-labelledby': 'someone-elses-id',
      onclick: 'alert(1)',
      tabindex: '5',
    })
    expect(web).toMatchObject({ role: 'heading', 'aria-level': 2, 'aria-label': 'Offer' })
    expect(web['aria-hidden']).toBeUndefined()
    expect(web.tabindex).toBeUndefined()
    expect(Object.keys(web)).not.toContain('onclick')
    expect(Object.keys(web)).not.toContain('aria-labelledby')
    expect(accessibilityWebSchema.parse({ role: 'bogus' }).role).toBeUndefined()
  })
})

describe('quick replies', () => {
  const reply = (title: string) => ({
    type: 'button',
    title,
    click: { actions: [{ type: 'publishText', text: title }] },
  })

  it('parses replies and clamps itemsPerRow to 1..8', () => {
    const parsed = parseQuickReplies({
      type: 'quickReplies',
      itemsPerRow: 12,
      replies: [reply('a')],
    })
    expect(parsed?.itemsPerRow).toBe(8)
    expect(parsed?.replies[0]).toMatchObject({ type: 'button', title: 'a' })
    expect(parseQuickReplies({ type: 'vertical', elements: [] })).toBeUndefined()
  })

  it('reports a reply that is not a button', () => {
    const parsed = parseQuickReplies({ itemsPerRow: 2, replies: [reply('a'), text('b')] })
    expect(parsed?.replies[1]?.type).toBe('unsupported')
    expect(parsed?.issues[0]?.path).toBe('replies[1]')
  })

  it('lays replies out in rows of itemsPerRow, at most three, overflow in the last', () => {
    const items = Array.from({ length: 11 }, (_, i) => i)
    expect(quickReplyRows(items, 3)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8, 9, 10],
    ])
    expect(quickReplyRows(items, 8)).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10],
    ])
    expect(quickReplyRows([], 3)).toEqual([])
  })
})

describe('the consumer choice', () => {
  it('matches publishText or title, ignoring case and surrounding space', () => {
    const texts = buttonChoiceTexts({
      title: 'Yes please',
      click: { actions: [{ type: 'publishText', text: 'yep' }] },
    })
    expect(matchesChoice(texts, '  YEP ')).toBe(true)
    expect(matchesChoice(texts, 'yes   please')).toBe(true)
    expect(matchesChoice(texts, 'yes')).toBe(false)
    expect(matchesChoice(texts, undefined)).toBe(false)
    expect(matchesChoice([''], '')).toBe(false)
  })

  it('collects the option texts inside a card', () => {
    const { root } = parseStructuredContent({
      type: 'vertical',
      elements: [text('Plan A'), { type: 'button', title: 'Pick A' }],
    })
    expect(root ? cardChoiceTexts(root) : []).toEqual(['Plan A', 'Pick A'])
  })
})

describe('structuredContentText', () => {
  it('collects every human-readable text', () => {
    const content = {
      type: 'vertical',
      elements: [
        text('Title'),
        { type: 'button', title: 'Go', subtitle: 'now' },
        { type: 'image', url: 'https://x.test/a.png', caption: 'Cap' },
        { type: 'keyValuePairList', elements: [{ key: 'Price', value: 10 }] },
        { type: 'template', templateType: 'quickReply', title: 'Pick', resp: ['Red', 'Blue'] },
        { type: 'linkPreview', url: 'https://x.test', title: 'Site' },
        { type: 'bogus' },
      ],
    }
    expect(structuredContentText(content).split('\n')).toEqual([
      'Title',
      'Go',
      'now',
      'Cap',
      'Price: 10',
      'Pick',
      'Red',
      'Blue',
      'Site',
      'https://x.test',
    ])
  })

  it('includes accordion titles, tab tags and checklist texts', () => {
    const content = {
      type: 'tabs',
      elements: [
        {
          type: 'accordionSelect',
          tag: 'Plans',
          selectMode: { name: 'plan' },
          titles: [{ name: 'Basic', additional: '$5' }],
          elements: [text('Basic plan')],
        },
      ],
    }
    expect(structuredContentText(content)).toBe('Plans\nBasic\n$5\nBasic plan')
  })

  it('reads text, checkbox and caption character references as the consumer saw them', () => {
    const content = {
      type: 'vertical',
      elements: [
        text('&#x1F449; choose all that apply'),
        { type: 'image', url: 'https://x.test/a.png', caption: 'Fish &amp; chips' },
        {
          type: 'checklist',
          elements: [{ type: 'checkbox', text: 'Caf&eacute; &#233; &lt;i&gt;' }],
        },
      ],
    }
    expect(structuredContentText(content).split('\n')).toEqual([
      '👉 choose all that apply',
      'Fish & chips',
      'Café é <i>',
    ])
  })

  it('reads quick-reply titles and returns nothing for unreadable content', () => {
    expect(
      structuredContentText({
        type: 'quickReplies',
        itemsPerRow: 2,
        replies: [{ type: 'button', title: 'Yes' }],
      }),
    ).toBe('Yes')
    expect(structuredContentText(undefined)).toBe('')
    expect(structuredContentText('not json')).toBe('')
  })
})
