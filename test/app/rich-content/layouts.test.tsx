import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { RichContent } from '@/app/features/rich-content/rich-content'

const text = (t: string, extra: Record<string, unknown> = {}) => ({
  type: 'text',
  text: t,
  ...extra,
})
const card = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'vertical',
  elements: [text(title), { type: 'button', title: `Pick ${title}` }],
  ...extra,
})

/** The layout box that holds a given text (the element drawing borders and widths). */
function layoutOf(textContent: string, levels: number): HTMLElement {
  let el: HTMLElement | null = screen.getByText(textContent)
  for (let i = 0; i < levels; i += 1) el = el?.parentElement ?? null
  if (!el) throw new Error('no layout')
  return el
}

describe('vertical', () => {
  it('stacks its elements in order, framed with the json-pollock border by default', () => {
    render(<RichContent content={card('Alpha')} />)
    const frame = layoutOf('Alpha', 3)
    expect(frame).toHaveClass('border', 'border-[#d4d4d5]')
    expect(frame.textContent).toBe('AlphaPick Alpha')
  })

  it.each([
    ['borderLess', 'border', false],
    ['dropShadow', 'shadow-[0_1px_6px_rgba(0,0,0,0.25)]', true],
  ])('border "%s"', (border, className, has) => {
    render(<RichContent content={card('Alpha', { border })} />)
    const frame = layoutOf('Alpha', 3)
    if (has) expect(frame).toHaveClass(className)
    else expect(frame).not.toHaveClass(className)
  })

  it('draws a line between elements, but not between two texts', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [text('One'), text('Two'), { type: 'button', title: 'Three' }],
        }}
      />,
    )
    expect(layoutOf('Two', 2)).not.toHaveClass('border-t')
    expect(screen.getByRole('button', { name: 'Three' }).closest('.border-t')).not.toBeNull()
  })

  it.each([
    [undefined, '100px'],
    ['medium', '300px'],
    ['large', '500px'],
  ])('scroll "enable" with size %s is a focusable scroll box of %s', (size, height) => {
    render(
      <RichContent
        content={card('Alpha', { scroll: 'enable', style: size ? { size } : undefined })}
      />,
    )
    const box = screen.getByRole('group', { name: 'Scrollable content' })
    expect(box).toHaveStyle({ height, overflowY: 'auto' })
    expect(box).toHaveAttribute('tabindex', '0')
  })
})

describe('horizontal', () => {
  const three = (extra: Record<string, unknown>) => ({
    type: 'horizontal',
    elements: [text('A'), text('B'), text('C')],
    ...extra,
  })
  const widths = () => ['A', 'B', 'C'].map((t) => layoutOf(t, 2).style.width)

  it('splits the width equally without percentages', () => {
    render(<RichContent content={three({})} />)
    expect(widths().map((w) => Math.round(parseFloat(w) * 100) / 100)).toEqual([
      33.33, 33.33, 33.33,
    ])
  })

  it('uses percentages and shares the rest among the elements without one', () => {
    render(<RichContent content={three({ percentages: [50] })} />)
    expect(widths()).toEqual(['50%', '25%', '25%'])
  })

  it('draws lines between elements unless borderLine is false', () => {
    const { unmount } = render(<RichContent content={three({})} />)
    expect(layoutOf('B', 2)).toHaveClass('border-s')
    expect(layoutOf('B', 3)).toHaveClass('border')
    unmount()
    render(<RichContent content={three({ borderLine: false })} />)
    expect(layoutOf('B', 2)).not.toHaveClass('border-s')
    expect(layoutOf('B', 3)).not.toHaveClass('border')
  })
})

describe('carousel', () => {
  const carousel = {
    type: 'carousel',
    padding: 10,
    elements: ['One', 'Two', 'Three'].map((t) => card(t)),
  }

  it('shows every card, 180px wide, with the padding between them', () => {
    render(<RichContent content={carousel} />)
    const region = screen.getByRole('region', { name: 'Carousel' })
    const cards = within(region).getAllByRole('group', { name: /^Card \d of 3$/ })
    expect(cards).toHaveLength(3)
    expect(cards[0]).toHaveClass('w-[180px]')
    expect(cards[0]?.parentElement).toHaveStyle({ gap: '10px' })
    expect(within(cards[1] as HTMLElement).getByText('Two')).toBeInTheDocument()
  })

  it('moves with Previous/Next, wrapping around, and announces the card', async () => {
    const user = userEvent.setup()
    render(<RichContent content={carousel} />)
    const status = screen.getByText('Card 1 of 3')
    expect(status).toHaveAttribute('aria-live', 'polite')
    await user.click(screen.getByRole('button', { name: 'Next card' }))
    expect(status).toHaveTextContent('Card 2 of 3')
    await user.click(screen.getByRole('button', { name: 'Previous card' }))
    await user.click(screen.getByRole('button', { name: 'Previous card' }))
    expect(status).toHaveTextContent('Card 3 of 3')
  })

  it('moves with the arrow keys when focused', async () => {
    const user = userEvent.setup()
    render(<RichContent content={carousel} />)
    screen.getByRole('region', { name: 'Carousel' }).focus()
    await user.keyboard('{ArrowRight}{ArrowRight}')
    expect(screen.getByText('Card 3 of 3')).toBeInTheDocument()
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByText('Card 2 of 3')).toBeInTheDocument()
  })
})

describe('carouselSelect', () => {
  it('marks the card whose option the consumer sent', () => {
    render(
      <RichContent
        content={{
          type: 'carouselSelect',
          selectMode: { name: 'plans', type: 'single' },
          elements: ['Basic', 'Pro'].map((t) => card(t)),
        }}
        chosenText="Pick Pro"
      />,
    )
    expect(screen.getByText('Select one card')).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Card 2 of 2, chosen' })).toBeInTheDocument()
    expect(screen.getByRole('group', { name: 'Card 1 of 2' })).toBeInTheDocument()
  })
})

describe('accordionSelect', () => {
  const accordion = {
    type: 'accordionSelect',
    selectMode: { name: 'rooms', type: 'multiple' },
    titles: [{ name: 'Standard', additional: '$90' }, { name: 'Suite' }],
    elements: [card('Standard room'), card('Suite room')],
  }

  it('starts folded and expands a section on click', async () => {
    const user = userEvent.setup()
    render(<RichContent content={accordion} />)
    const header = screen.getByRole('button', { name: /Standard/ })
    expect(header).toHaveAttribute('aria-expanded', 'false')
    expect(screen.getByText('Standard room')).not.toBeVisible()
    await user.click(header)
    expect(header).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('region', { name: /Standard/ })).toBeVisible()
    expect(screen.getByText('Standard room')).toBeVisible()
    expect(screen.getByText('$90')).toBeInTheDocument()
  })

  it('opens and marks the section the consumer chose', () => {
    render(<RichContent content={accordion} chosenText="pick suite room" />)
    const header = screen.getByRole('button', { name: 'Suite, chosen' })
    expect(header).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByText('Suite room')).toBeVisible()
  })
})

describe('tabs', () => {
  const tabs = {
    type: 'tabs',
    elements: [card('First', { tag: 'Shoes' }), card('Second', { tag: 'Bags' }), card('Third')],
  }

  it('is a tablist labelled by the cards’ tags, one panel at a time', async () => {
    const user = userEvent.setup()
    render(<RichContent content={tabs} />)
    const tabEls = screen.getAllByRole('tab')
    expect(tabEls.map((t) => t.textContent)).toEqual(['Shoes', 'Bags', 'Tab 3'])
    expect(screen.getByRole('tab', { name: 'Shoes' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel', { name: 'Shoes' })).toHaveTextContent('First')
    expect(screen.getByText('Second')).not.toBeVisible()
    await user.click(screen.getByRole('tab', { name: 'Bags' }))
    expect(screen.getByRole('tabpanel', { name: 'Bags' })).toHaveTextContent('Second')
    expect(screen.getByText('First')).not.toBeVisible()
  })

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const user = userEvent.setup()
    render(<RichContent content={tabs} />)
    await user.click(screen.getByRole('tab', { name: 'Shoes' }))
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Bags' })).toHaveFocus()
    expect(screen.getByRole('tab', { name: 'Bags' })).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Tab 3' })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Shoes' })).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('tab', { name: 'Tab 3' })).toHaveAttribute('aria-selected', 'true')
  })
})
