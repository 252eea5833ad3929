import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RichContent } from '@/app/features/rich-content/rich-content'

describe('text', () => {
  it('renders text as text, keeping line breaks', () => {
    const { container } = render(
      <RichContent content={{ type: 'text', text: 'Line one\nLine <b>two</b>' }} />,
    )
    expect(screen.getByText(/Line one/)).toBeInTheDocument()
    expect(screen.getByText(/Line <b>two<\/b>/)).toBeInTheDocument()
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelectorAll('br')).toHaveLength(1)
  })

  it('decodes character references as LivePerson does, without interpreting tags', () => {
    const { container } = render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            { type: 'text', text: '&#x1F449; choose all that apply' },
            { type: 'text', text: 'Terms &amp; conditions &#8212; &lt;b&gt;read&lt;/b&gt;' },
            { type: 'text', text: '&unknown; stays, &copy 2024 too' },
          ],
        }}
      />,
    )
    expect(screen.getByText('👉 choose all that apply')).toBeInTheDocument()
    expect(screen.getByText('Terms & conditions — <b>read</b>')).toBeInTheDocument()
    expect(container.querySelector('b')).toBeNull()
    expect(screen.getByText('&unknown; stays, © 2024 too')).toBeInTheDocument()
  })

  it('shows its tooltip as a title', () => {
    render(<RichContent content={{ type: 'text', text: 'Hello', tooltip: 'A greeting' }} />)
    expect(screen.getByTitle('A greeting')).toHaveTextContent('Hello')
  })
})

describe('button', () => {
  it('shows title and subtitle as an inert button', () => {
    render(
      <RichContent content={{ type: 'button', title: 'Track order', subtitle: 'Live status' }} />,
    )
    const button = screen.getByRole('button', { name: 'Track order Live status' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    expect(button).toHaveAttribute('type', 'button')
  })

  it('renders class "button" as a pill with the border styles of its style', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            {
              type: 'button',
              title: 'Pill',
              class: 'button',
              style: { 'border-color': '#ff0000', 'border-radius': 8 },
            },
            { type: 'button', title: 'Plain', style: { 'border-color': '#ff0000' } },
          ],
        }}
      />,
    )
    const pill = screen.getByRole('button', { name: 'Pill' })
    expect(pill).toHaveClass('rounded-[50px]')
    expect(pill).toHaveStyle({ borderColor: '#ff0000', borderRadius: '8px' })
    const plain = screen.getByRole('button', { name: 'Plain' })
    expect(plain).not.toHaveClass('rounded-[50px]')
    expect(plain.style.borderColor).toBe('')
  })

  it('describes what a publishText button would send', () => {
    render(
      <RichContent
        content={{
          type: 'button',
          title: 'Yes',
          click: { actions: [{ type: 'publishText', text: 'yes, book it' }] },
        }}
      />,
    )
    expect(screen.getByText('sends "yes, book it"')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Yes' })).toHaveAccessibleDescription(
      'sends "yes, book it"',
    )
  })
})

describe('image', () => {
  const image = {
    type: 'image',
    url: 'https://cdn.example.com/phone.png',
    alt: 'A phone',
    caption: 'New phone',
  }

  const proxied = `/api/image?url=${encodeURIComponent('https://cdn.example.com/phone.png')}`

  /** Renders the image and asks for its host's images, as a reader would. */
  function renderLoaded() {
    render(<RichContent content={image} />)
    fireEvent.click(screen.getByRole('button', { name: 'Load images from cdn.example.com' }))
  }

  it('does not load an image from another host until the reader asks', () => {
    const { container } = render(<RichContent content={image} />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('Image from cdn.example.com not loaded')).toBeInTheDocument()
    expect(screen.getByText('A phone')).toBeInTheDocument()
    expect(screen.getByText('New phone')).toBeInTheDocument()
  })

  it('once asked, loads it through our server, without a referrer, with its caption', () => {
    renderLoaded()
    const img = screen.getByRole('img', { name: 'A phone' })
    expect(img).toHaveAttribute('src', proxied)
    expect(img).toHaveAttribute('referrerpolicy', 'no-referrer')
    expect(screen.getByText('New phone')).toBeInTheDocument()
  })

  it('shows a placeholder while loading, then the image', () => {
    renderLoaded()
    expect(screen.getByText('Loading image…')).toBeInTheDocument()
    fireEvent.load(screen.getByRole('img', { name: 'A phone' }))
    expect(screen.queryByText('Loading image…')).not.toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'A phone' })).toBeVisible()
  })

  it('says when the image failed to load, with its address', () => {
    renderLoaded()
    fireEvent.error(screen.getByRole('img', { name: 'A phone' }))
    expect(screen.getByText('Image failed to load')).toBeInTheDocument()
    expect(screen.getByText('https://cdn.example.com/phone.png')).toBeInTheDocument()
    expect(screen.queryByRole('img', { name: 'A phone' })).not.toBeInTheDocument()
  })

  it('renders same-origin paths and data:image URLs', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            { type: 'image', url: '/demo/card.svg', alt: 'Demo card' },
            { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', alt: 'Inline' },
          ],
        }}
      />,
    )
    expect(screen.getByRole('img', { name: 'Demo card' })).toHaveAttribute('src', '/demo/card.svg')
    expect(screen.getByRole('img', { name: 'Inline' })).toHaveAttribute(
      'src',
      'data:image/png;base64,iVBORw0KGgo=',
    )
  })

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example/x.png',
    '/\\evil.example/x.png',
    'relative/x.png',
  ])('does not load %s, and shows it as text', (url) => {
    const { container } = render(<RichContent content={{ type: 'image', url, alt: 'Bad' }} />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('Image not shown (not an http(s) address)')).toBeInTheDocument()
    expect(screen.getByText(url)).toBeInTheDocument()
  })

  it('keeps the alt text and the caption of an image it cannot show', () => {
    render(
      <RichContent
        content={{
          type: 'image',
          url: 'images/shoe.png',
          alt: 'Red running shoe',
          caption: 'Sale',
        }}
      />,
    )
    expect(screen.getByText('Red running shoe')).toBeInTheDocument()
    expect(screen.getByText('Sale')).toBeInTheDocument()
  })

  it('keeps the alt text when the image fails to load', () => {
    renderLoaded()
    fireEvent.error(screen.getByRole('img', { name: 'A phone' }))
    expect(screen.getByText('A phone')).toBeInTheDocument()
  })
})

describe('map', () => {
  it('shows a static tile with the coordinates and a link to open them in a map', () => {
    render(
      <RichContent content={{ type: 'map', la: 40.7128, lo: -74.006, tooltip: 'Our store' }} />,
    )
    expect(screen.getByRole('img', { name: 'Map of 40.7128, -74.006' })).toBeInTheDocument()
    expect(screen.getByText('40.7128, -74.006')).toBeInTheDocument()
    const link = screen.getByRole('link', { name: /open in map/i })
    expect(link).toHaveAttribute(
      'href',
      'https://www.google.com/maps/search/?api=1&query=40.7128,-74.006',
    )
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(screen.getByTitle('Our store')).toBeInTheDocument()
  })
})

describe('map tile', () => {
  it('uses the app’s static tile, and the drawn neutral tile when it fails', () => {
    const { container } = render(<RichContent content={{ type: 'map', la: 1, lo: 2 }} />)
    // The tile is decorative (alt=""), so it has no role to query by.
    const tile = container.querySelector('img')
    expect(tile).toHaveAttribute('src', '/demo/map-tile.svg')
    expect(tile).toHaveAttribute('referrerpolicy', 'no-referrer')
    if (!tile) throw new Error('no map tile')
    fireEvent.error(tile)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByRole('img', { name: 'Map of 1, 2' })).toHaveTextContent('1, 2')
  })
})

describe('linkPreview', () => {
  it('links an http(s) preview in a new tab', () => {
    render(
      <RichContent
        content={{ type: 'linkPreview', url: 'https://example.com/offers', title: 'Offers' }}
      />,
    )
    const link = screen.getByRole('link', { name: /offers/i })
    expect(link).toHaveAttribute('href', 'https://example.com/offers')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer')
    expect(within(link).getByText('example.com/offers')).toBeInTheDocument()
  })

  it('shows a non-http(s) preview as text only', () => {
    render(
      <RichContent content={{ type: 'linkPreview', url: 'javascript:alert(1)', title: 'Win' }} />,
    )
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(screen.getByText('javascript:alert(1)')).toBeInTheDocument()
  })
})

describe('template quick reply', () => {
  it('shows the title and its replies, marking the one the consumer sent', () => {
    render(
      <RichContent
        content={{
          type: 'template',
          templateType: 'quickReply',
          title: 'Size?',
          resp: ['Small', 'Large'],
        }}
        chosenText="large"
      />,
    )
    expect(screen.getByText('Size?')).toBeInTheDocument()
    const replies = within(screen.getByRole('list', { name: 'Replies' })).getAllByRole('button')
    expect(replies.map((r) => r.textContent)).toEqual(['Small', 'Large Chosen'])
    expect(screen.getByRole('button', { name: 'Large, chosen' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Small' })).toBeInTheDocument()
  })
})

describe('keyValuePairList', () => {
  it('shows keys and values as a description list', () => {
    render(
      <RichContent
        content={{
          type: 'keyValuePairList',
          elements: [
            { key: 'Order', value: 'A-1001' },
            { key: 'Total', value: 42.5 },
          ],
        }}
      />,
    )
    const terms = screen.getAllByRole('term').map((t) => t.textContent)
    const definitions = screen.getAllByRole('definition').map((d) => d.textContent)
    expect(terms).toEqual(['Order', 'Total'])
    expect(definitions).toEqual(['A-1001', '42.5'])
  })
})
