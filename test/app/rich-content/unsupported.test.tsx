import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RichContent } from '@/app/features/rich-content/rich-content'

const notice = () => screen.getByRole('note', { name: 'Unsupported rich content' })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('unsupported or invalid content', () => {
  it('says a bad JSON string is unsupported and toggles its raw text', async () => {
    const user = userEvent.setup()
    render(<RichContent content={undefined} raw={'{"type":"text", oops'} />)
    expect(within(notice()).getByText(/not valid JSON/)).toBeInTheDocument()
    const toggle = screen.getByRole('button', { name: 'Show raw JSON' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByText('{"type":"text", oops')).not.toBeVisible()
    await user.click(toggle)
    expect(screen.getByRole('button', { name: 'Hide raw JSON' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    const raw = screen.getByText('{"type":"text", oops')
    expect(raw.tagName).toBe('PRE')
    expect(raw).toBeVisible()
  })

  it('renders the known elements around an unknown one', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: [
            { type: 'text', text: 'Before' },
            { type: 'hologram', beam: 'on' },
            { type: 'button', title: 'After' },
          ],
        }}
      />,
    )
    expect(screen.getByText('Before')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'After' })).toBeInTheDocument()
    expect(screen.getByText('Unsupported element')).toHaveTextContent(
      'Unsupported element hologram',
    )
    expect(within(notice()).getByText(/unknown element type "hologram"/)).toBeInTheDocument()
  })

  it('shows an invalid element as unsupported, with the reason', () => {
    render(
      <RichContent
        content={{ type: 'vertical', elements: [{ type: 'image' }, { type: 'text', text: 'ok' }] }}
      />,
    )
    expect(screen.getByText('ok')).toBeInTheDocument()
    expect(within(notice()).getByText(/image: url/)).toBeInTheDocument()
  })

  it('shows the raw JSON serialised when no raw string is given', async () => {
    const user = userEvent.setup()
    render(<RichContent content={{ type: 'hologram' }} />)
    await user.click(screen.getByRole('button', { name: 'Show raw JSON' }))
    expect(screen.getByLabelText('Raw JSON')).toHaveTextContent('"type": "hologram"')
  })

  it('renders only the first 50 elements, like json-pollock, and says so', () => {
    render(
      <RichContent
        content={{
          type: 'vertical',
          elements: Array.from({ length: 60 }, (_, i) => ({
            type: 'text',
            text: `Item ${String(i + 1)}`,
          })),
        }}
      />,
    )
    // The vertical itself is the first element, so 49 texts fit.
    expect(screen.getByText('Item 49')).toBeInTheDocument()
    expect(screen.queryByText('Item 50')).not.toBeInTheDocument()
    expect(
      within(notice()).getByText(/only the first 50 elements are shown; 11 more were skipped/),
    ).toBeInTheDocument()
  })

  it('shows no notice for valid content', () => {
    render(<RichContent content={{ type: 'text', text: 'fine' }} />)
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
  })

  it('never breaks the message list around it, even if rendering throws', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const hostile = {
      get type(): string {
        throw new Error('boom')
      },
    }
    render(
      <ol>
        <li>Message before</li>
        <li>
          <RichContent content={hostile} raw='{"type":"?"}' />
        </li>
        <li>Message after</li>
      </ol>,
    )
    expect(screen.getByText('Message before')).toBeInTheDocument()
    expect(screen.getByText('Message after')).toBeInTheDocument()
    expect(
      within(notice()).getByText(/this rich content could not be displayed/),
    ).toBeInTheDocument()
  })
})
