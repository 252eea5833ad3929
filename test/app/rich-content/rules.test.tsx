import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RichContent } from '@/app/features/rich-content/rich-content'

const button = (title: string, actions: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'button',
  title,
  click: { actions },
  ...extra,
})

describe('styles, mapped as json-pollock maps them', () => {
  it('maps bold, italic, color and size to the text, background-color to its wrapper', () => {
    render(
      <RichContent
        content={{
          type: 'text',
          text: 'Styled',
          style: {
            bold: true,
            italic: true,
            color: '#ff0000',
            'background-color': '#00ff00',
            size: 'large',
          },
        }}
      />,
    )
    const span = screen.getByText('Styled')
    expect(span).toHaveStyle({
      fontWeight: 'bold',
      fontStyle: 'italic',
      color: '#ff0000',
      fontSize: '17px',
    })
    expect(span.style.backgroundColor).toBe('')
    expect(span.parentElement).toHaveStyle({ backgroundColor: '#00ff00' })
  })

  it.each([
    ['small', '11px'],
    ['medium', '13px'],
    ['large', '17px'],
  ])('size %s is %s', (size, px) => {
    render(<RichContent content={{ type: 'text', text: 'Sized', style: { size } }} />)
    expect(screen.getByText('Sized')).toHaveStyle({ fontSize: px })
  })

  it('ignores a style value that is not a colour', () => {
    render(
      <RichContent
        content={{
          type: 'text',
          text: 'Plain',
          style: { color: 'red;background:url(https://t.example/x)' },
        }}
      />,
    )
    expect(screen.getByText('Plain').getAttribute('style')).toBeNull()
  })
})

describe('content colours in dark mode', () => {
  it('keep the white surface they were chosen against, or the light-mode ink', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            { type: 'text', text: 'Coloured', style: { color: '#0363ad' } },
            { type: 'text', text: 'Shaded', style: { 'background-color': '#ffeeaa' } },
            {
              type: 'text',
              text: 'Both',
              style: { color: '#000000', 'background-color': '#ffeeaa' },
            },
          ],
        }}
      />,
    )
    expect(screen.getByText('Coloured').parentElement).toHaveClass('dark:bg-white')
    expect(screen.getByText('Shaded').parentElement).toHaveClass('dark:text-black')
    const both = screen.getByText('Both').parentElement
    expect(both).not.toHaveClass('dark:bg-white')
    expect(both).not.toHaveClass('dark:text-black')
  })
})

describe('rtl', () => {
  it('sets dir="rtl" on the element', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            { type: 'text', text: 'שלום', rtl: true },
            { type: 'button', title: 'כן', rtl: true },
            { type: 'text', text: 'hello' },
          ],
        }}
      />,
    )
    expect(screen.getByText('שלום').closest('[dir]')).toHaveAttribute('dir', 'rtl')
    expect(screen.getByRole('button', { name: 'כן' }).closest('[dir]')).toHaveAttribute(
      'dir',
      'rtl',
    )
    expect(screen.getByText('hello').closest('[dir]')).toBeNull()
  })
})

describe('tooltip', () => {
  it('becomes the title of buttons, images, maps and layouts', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          tooltip: 'the card',
          elements: [
            { type: 'button', title: 'Go', tooltip: 'go now' },
            { type: 'image', url: '/demo/a.png', alt: 'pic', tooltip: 'a picture' },
            { type: 'map', la: 1, lo: 2, tooltip: 'the place' },
          ],
        }}
      />,
    )
    expect(screen.getByRole('button', { name: 'Go' })).toHaveAttribute('title', 'go now')
    expect(screen.getByTitle('a picture')).toContainElement(
      screen.getByRole('img', { name: 'pic' }),
    )
    expect(screen.getByTitle('the place')).toContainElement(
      screen.getByRole('link', { name: /open in map/i }),
    )
    expect(screen.getByTitle('the card')).toContainElement(
      screen.getByRole('button', { name: 'Go' }),
    )
  })
})

describe('accessibility.web', () => {
  it('maps allowed attributes to real ARIA attributes', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            {
              type: 'text',
              text: 'Offers',
              accessibility: {
                web: { role: 'heading', 'aria-level': '2', 'aria-label': 'Special offers' },
              },
            },
            button('Buy', [], {
              accessibility: { web: { 'aria-label': 'Buy the phone', tabindex: '-1' } },
            }),
          ],
        }}
      />,
    )
    expect(screen.getByRole('heading', { level: 2, name: 'Special offers' })).toHaveTextContent(
      'Offers',
    )
    const buy = screen.getByRole('button', { name: 'Buy the phone' })
    expect(buy).toHaveAttribute('tabindex', '-1')
    expect(buy).toHaveAttribute('aria-disabled', 'true')
  })

  it('drops anything not on the allow-list, and invalid values', () => {
    const { container } = render(
      <RichContent
        content={{
          type: 'text',
          text: 'Hi',
          accessibility: {
            web: {
              onclick: 'alert(1)',
              onmouseover: 'alert(2)',
              style: 'color:red',
              'data-x': '1',
              'aria-hidden': 'sometimes',
              'aria-describedby': 'nowhere',
              role: 'not-a-role',
              'aria-live': 'polite',
            },
          },
        }}
      />,
    )
    const span = screen.getByText('Hi')
    expect(span).toHaveAttribute('aria-live', 'polite')
    for (const attr of [
      'onclick',
      'onmouseover',
      'style',
      'data-x',
      'aria-hidden',
      'aria-describedby',
      'role',
    ]) {
      expect(span).not.toHaveAttribute(attr)
    }
    expect(container.innerHTML).not.toMatch(/alert\(/)
  })

  it('does not name a generic element without a role', () => {
    render(
      <RichContent
        content={{ type: 'text', text: 'Hi', accessibility: { web: { 'aria-label': 'x' } } }}
      />,
    )
    expect(screen.getByText('Hi')).not.toHaveAttribute('aria-label')
  })
})

describe('actions: inert but informative', () => {
  it('a link shows its target and opens it in a new tab', () => {
    render(
      <RichContent
        content={button('Shop', [
          { type: 'link', uri: 'https://shop.example.com/deals?x=1', name: 'Deals' },
        ])}
      />,
    )
    const link = screen.getByRole('link', { name: /Deals \(shop\.example\.com\/deals\?x=1\)/ })
    expect(link).toHaveAttribute('href', 'https://shop.example.com/deals?x=1')
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
  })

  it.each([
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/phish',
    '/\\evil.example/phish',
    'data:image/png;base64,iVBORw0KGgo=',
    'tel:+15551234',
  ])('a link to %j is shown as plain text, never as a link', (uri) => {
    const { container } = render(<RichContent content={button('Click', [{ type: 'link', uri }])} />)
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(container.querySelector('[href]')).toBeNull()
    expect(screen.getByText(/link not opened/).textContent).toContain(uri.trim())
  })

  it('a same-origin link is allowed', () => {
    render(<RichContent content={button('Help', [{ type: 'link', uri: '/help' }])} />)
    expect(screen.getByRole('link', { name: /help/i })).toHaveAttribute('href', '/help')
  })

  it('publishText shows the text it would send', () => {
    render(<RichContent content={button('Yes', [{ type: 'publishText', text: 'Yes, book it' }])} />)
    expect(screen.getByText('sends "Yes, book it"')).toBeInTheDocument()
  })

  it('navigate links to the map', () => {
    render(
      <RichContent
        content={button('Directions', [{ type: 'navigate', la: 51.5, lo: -0.12, name: 'Store' }])}
      />,
    )
    expect(screen.getByRole('link', { name: /Store \(51\.5, -0\.12\)/ })).toHaveAttribute(
      'href',
      'https://www.google.com/maps/search/?api=1&query=51.5,-0.12',
    )
  })

  it('the others are described in a tooltip', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            button('Date', [
              {
                type: 'datePicker',
                class: 'range',
                title: 'Stay',
                minDate: 1700000000,
                maxDate: 1800000000,
              },
            ]),
            button('Slots', [{ type: 'scheduleSlotList', title: 'Visit', slots: [{}, {}] }]),
            button('Cart', [{ type: 'addToCart', items: [{ productId: 'sku-1', quantity: 2 }] }]),
            button('Custom', [{ type: 'custom', data: [{ key: 'flow', value: 'refund' }] }]),
            button('Odd', [{ type: 'teleport' }]),
          ],
        }}
      />,
    )
    expect(screen.getByText('date picker')).toHaveAttribute(
      'title',
      'Opens a date picker: Stay, a date range, from 2023-11-14, until 2027-01-15',
    )
    expect(screen.getByText('schedule slots')).toHaveAttribute(
      'title',
      'Opens a schedule slot list "Visit" with 2 slot(s)',
    )
    expect(screen.getByText('add to cart')).toHaveAttribute('title', 'Adds to the cart: sku-1 × 2')
    expect(screen.getByText('custom action')).toHaveAttribute('title', 'Custom action: flow=refund')
    expect(screen.getByText('teleport action')).toHaveAttribute(
      'title',
      expect.stringMatching(/does not know/),
    )
  })
})

describe('the chosen option', () => {
  const choices = {
    type: 'vertical',
    elements: [
      button('Yes', [{ type: 'publishText', text: 'yes please' }]),
      button('No', [{ type: 'publishText', text: 'no thanks' }]),
      button('Maybe', []),
    ],
  }

  it('marks the button whose publishText the consumer sent next', () => {
    render(<RichContent content={choices} chosenText="Yes please" />)
    expect(screen.getByRole('button', { name: 'Yes, chosen' })).toHaveTextContent('Yes Chosen')
    expect(screen.getByRole('button', { name: 'No' })).not.toHaveTextContent('Chosen')
  })

  it('marks a button by its title when it publishes nothing', () => {
    render(<RichContent content={choices} chosenText="maybe" />)
    expect(screen.getByRole('button', { name: 'Maybe, chosen' })).toBeInTheDocument()
  })

  it('marks nothing when the next message matches no option', () => {
    render(<RichContent content={choices} chosenText="what?" />)
    expect(screen.queryByText('Chosen')).not.toBeInTheDocument()
  })
})
