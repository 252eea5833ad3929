import { render } from '@testing-library/react'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { QuickReplies } from '@/app/features/rich-content/quick-replies'
import { RichContent } from '@/app/features/rich-content/rich-content'

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: 'text',
  text: t,
  ...extra,
})
const publish = (t: string) => ({ actions: [{ type: 'publishText', text: t }] })
const card = (title: string) => ({
  type: 'vertical',
  tag: title,
  elements: [
    { type: 'image', url: 'https://cdn.example.com/p.png', alt: title, caption: title },
    text(title, { style: { bold: true } }),
    { type: 'button', title: `Choose ${title}`, click: publish(title) },
  ],
})

/** One of everything, so axe sees every element the renderer can produce. */
const kitchenSink = {
  type: 'vertical',
  elements: [
    text('Welcome\nto the shop', {
      tooltip: 'hello',
      accessibility: { web: { role: 'heading', 'aria-level': '3' } },
    }),
    {
      type: 'horizontal',
      percentages: [60],
      elements: [
        {
          type: 'button',
          title: 'Link',
          subtitle: 'opens',
          class: 'button',
          click: { actions: [{ type: 'link', uri: 'https://example.com' }] },
        },
        {
          type: 'button',
          title: 'Bad link',
          click: { actions: [{ type: 'link', uri: 'javascript:alert(1)' }] },
        },
      ],
    },
    {
      type: 'map',
      la: 1.5,
      lo: 2.5,
      click: { actions: [{ type: 'navigate', la: 1.5, lo: 2.5, name: 'Here' }] },
    },
    { type: 'linkPreview', url: 'https://example.com/a', title: 'Article' },
    { type: 'template', templateType: 'quickReply', title: 'Pick', resp: ['A', 'B'] },
    { type: 'keyValuePairList', elements: [{ key: 'Order', value: '1' }] },
    {
      type: 'button',
      title: 'Date',
      click: { actions: [{ type: 'datePicker', class: 'single' }] },
    },
    { type: 'vertical', scroll: 'enable', elements: [text('scrolling')] },
    { type: 'hologram' },
  ],
}

const containers = [
  { type: 'carousel', elements: [card('One'), card('Two')] },
  {
    type: 'carouselSelect',
    selectMode: { name: 's', type: 'single' },
    elements: [card('Three'), card('Four')],
  },
  {
    type: 'accordionSelect',
    selectMode: { name: 'a' },
    titles: [{ name: 'Five', additional: 'more' }, { name: 'Six' }],
    elements: [card('Five'), card('Six')],
  },
  { type: 'tabs', elements: [card('Seven'), card('Eight')] },
  {
    type: 'list',
    elements: [
      text('Toppings'),
      {
        type: 'sectionList',
        elements: [
          {
            type: 'section',
            sectionID: 's1',
            elements: [
              text('Veg'),
              {
                type: 'checklist',
                elements: [
                  {
                    type: 'checkbox',
                    text: 'Olives',
                    click: { actions: [{ type: 'checked', publishText: 'olives' }] },
                  },
                  {
                    type: 'checkbox',
                    text: 'Peppers',
                    click: { actions: [{ type: 'checked', publishText: 'peppers' }] },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        type: 'buttonList',
        elements: [
          {
            type: 'submitButton',
            title: 'Submit',
            click: { actions: [{ type: 'submitAsText', submit: true }] },
          },
        ],
      },
    ],
  },
]

async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
    // jsdom cannot compute colours or layout; the browser test covers contrast.
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  })
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)
}

describe('accessibility (axe-core)', () => {
  it('finds no violations in a card with every basic element and a notice', async () => {
    const { container } = render(<RichContent content={kitchenSink} chosenText="A" />)
    expect(await violations(container)).toEqual([])
  })

  it.each(containers.map((c) => [c.type, c] as const))(
    'finds no violations in %s',
    async (_type, content) => {
      const { container } = render(<RichContent content={content} chosenText="olives, Four" />)
      expect(await violations(container)).toEqual([])
    },
  )

  it('finds no violations in quick replies', async () => {
    const { container } = render(
      <QuickReplies
        content={{
          type: 'quickReplies',
          itemsPerRow: 2,
          replies: ['Yes', 'No', 'Maybe', 'A very long reply title indeed'].map((t) => ({
            type: 'button',
            title: t,
            click: publish(t),
          })),
        }}
        chosenText="no"
      />,
    )
    expect(await violations(container)).toEqual([])
  })
})
