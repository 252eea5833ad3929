import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RichContent } from '@/app/features/rich-content/rich-content'

describe('a long unbroken key-value pair', () => {
  const tracking = '1Z999AA10123456784XYZ1Z999AA10123456784X'

  it('wraps inside the card instead of overflowing it', () => {
    render(
      <RichContent
        content={{
          type: 'keyValuePairList',
          elements: [
            { key: 'Tracking #', value: tracking },
            { key: 'ReferenceNumberForTheWholeShipment', value: 'A-1' },
          ],
        }}
      />,
    )
    const [value] = screen.getAllByRole('definition')
    expect(tracking).toHaveLength(40)
    expect(value).toHaveTextContent(tracking)
    // jsdom does no layout: check the CSS that lets a word break (`overflow-wrap: anywhere`) and
    // the columns shrink below their longest word (min-width 0, `minmax(0, 1fr)`).
    for (const cell of [...screen.getAllByRole('term'), ...screen.getAllByRole('definition')]) {
      expect(cell).toHaveClass('min-w-0', '[overflow-wrap:anywhere]')
    }
    expect(value?.parentElement).toHaveClass('grid-cols-[fit-content(40%)_minmax(0,1fr)]')
  })
})

describe('map coordinates', () => {
  it('show at most 6 decimals without trailing zeros; the link keeps full precision', () => {
    render(<RichContent content={{ type: 'map', la: 41.87811300000001, lo: -87.66980000000001 }} />)
    expect(screen.getByText('41.878113, -87.6698')).toBeInTheDocument()
    expect(screen.queryByText(/0000000/)).not.toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'Map of 41.878113, -87.6698' })).toBeInTheDocument()
    // jsdom drops the space before the screen-reader-only part of the name.
    const link = screen.getByRole('link', {
      name: /^Open in map ?\(41\.878113, -87\.6698, new tab\)$/,
    })
    expect(link).toHaveAttribute(
      'href',
      'https://www.google.com/maps/search/?api=1&query=41.87811300000001,-87.66980000000001',
    )
  })

  it.each([
    [12.3456789, 0.1, '12.345679, 0.1'],
    [-33.8688, 151.2093, '-33.8688, 151.2093'],
    [0.00000001, -0.0000004, '0, 0'],
    ['51.50000000', '-0.12000000', '51.5, -0.12'],
  ])('%s, %s reads as %s', (la, lo, shown) => {
    render(<RichContent content={{ type: 'map', la, lo }} />)
    expect(screen.getByRole('img', { name: `Map of ${shown}` })).toHaveTextContent(shown)
  })

  it('a navigate action shows them the same way', () => {
    render(
      <RichContent
        content={{
          type: 'button',
          title: 'Directions',
          click: {
            actions: [{ type: 'navigate', la: 51.50740000000001, lo: -0.1278, name: 'Store' }],
          },
        }}
      />,
    )
    expect(
      screen.getByRole('link', { name: /^Store \(51\.5074, -0\.1278\) ?on a map \(new tab\)$/ }),
    ).toHaveAttribute(
      'href',
      'https://www.google.com/maps/search/?api=1&query=51.50740000000001,-0.1278',
    )
  })
})

describe('a button on a background colour set by the content', () => {
  const button = (style: Record<string, unknown>, pill = true) => ({
    type: 'button',
    title: 'Track package',
    subtitle: 'Opens UPS tracking',
    ...(pill ? { class: 'button' } : {}),
    style,
  })
  const title = () => screen.getByRole('button', { name: 'Track package Opens UPS tracking' })
  const subtitle = () => screen.getByText('Opens UPS tracking')
  /** jsdom has no Tailwind, so also check that no grey class would beat the inherited ink. */
  const expectSubtitleInk = (color: string) => {
    expect(subtitle()).toHaveStyle({ color })
    expect(subtitle()).not.toHaveClass('text-slate-600')
    expect(subtitle()).not.toHaveClass('dark:text-slate-300')
  }

  it.each(['#0363ad', '#1a1a1a', 'navy', 'rgb(3 99 173)', 'hsl(210, 100%, 20%)'])(
    'dark %s: title and subtitle are white',
    (background) => {
      render(<RichContent content={button({ 'background-color': background })} />)
      expect(title()).toHaveStyle({ color: '#ffffff' })
      expectSubtitleInk('#ffffff')
    },
  )

  it.each(['#ffeeaa', '#fff', 'white', 'rgb(255, 238, 170)', 'hsl(48, 100%, 83%)'])(
    'light %s: title and subtitle are near-black',
    (background) => {
      render(<RichContent content={button({ 'background-color': background })} />)
      expect(title()).toHaveStyle({ color: '#111827' })
      expectSubtitleInk('#111827')
    },
  )

  it('a text button (background on its wrapper) gets the same ink', () => {
    render(<RichContent content={button({ 'background-color': '#0363ad' }, false)} />)
    expect(title().parentElement?.parentElement).toHaveStyle({ backgroundColor: '#0363ad' })
    expect(title()).toHaveStyle({ color: '#ffffff' })
    expectSubtitleInk('#ffffff')
  })

  it('a text colour from the content is kept, and the subtitle uses it too', () => {
    render(<RichContent content={button({ 'background-color': '#0363ad', color: '#ffeeaa' })} />)
    expect(title()).toHaveStyle({ color: '#ffeeaa', backgroundColor: '#0363ad' })
    expectSubtitleInk('#ffeeaa')
  })

  it.each([
    ['no background', {}],
    ['a translucent background', { 'background-color': 'rgba(0, 0, 0, 0.5)' }],
    ['a background it cannot read', { 'background-color': 'transparent' }],
  ])('with %s the subtitle keeps its usual grey', (_, style) => {
    render(<RichContent content={button(style)} />)
    expect(subtitle()).toHaveClass('text-slate-600', 'dark:text-slate-300')
    expect(subtitle().style.color).toBe('')
  })
})
