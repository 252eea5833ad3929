import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { QuickReplies } from '@/app/features/rich-content/quick-replies'
import { RichContent } from '@/app/features/rich-content/rich-content'

const reply = (title: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  title,
  click: { actions: [{ type: 'publishText', text: title }] },
  ...extra,
})

const quickReplies = (count: number, itemsPerRow: number) => ({
  type: 'quickReplies',
  itemsPerRow,
  replies: Array.from({ length: count }, (_, i) => reply(`R${String(i + 1)}`)),
})

function rowContents(): string[][] {
  const group = screen.getByRole('group', { name: 'Quick replies' })
  return within(group)
    .getAllByRole('list')
    .map((row) =>
      within(row)
        .getAllByRole('button')
        .map((b) => b.textContent ?? ''),
    )
}

describe('QuickReplies', () => {
  it('lays the replies out in rows of itemsPerRow', () => {
    render(<QuickReplies content={quickReplies(5, 2)} />)
    expect(rowContents()).toEqual([['R1', 'R2'], ['R3', 'R4'], ['R5']])
  })

  it('uses at most three rows, the overflow going into the last', () => {
    render(<QuickReplies content={quickReplies(8, 2)} />)
    expect(rowContents()).toEqual([
      ['R1', 'R2'],
      ['R3', 'R4'],
      ['R5', 'R6', 'R7', 'R8'],
    ])
  })

  it('shows replies as inert pills with their style and tooltip', () => {
    render(
      <QuickReplies
        content={{
          type: 'quickReplies',
          itemsPerRow: 8,
          replies: [
            reply('Yes', {
              tooltip: 'yes I do',
              style: {
                color: '#ffffff',
                'background-color': '#333333',
                'border-color': '#444444',
                'border-radius': 25,
                bold: true,
              },
            }),
          ],
        }}
      />,
    )
    const yes = screen.getByRole('button', { name: 'Yes' })
    expect(yes).toHaveAttribute('aria-disabled', 'true')
    expect(yes).toHaveAttribute('title', 'yes I do')
    expect(yes).toHaveStyle({
      color: '#ffffff',
      backgroundColor: '#333333',
      borderColor: '#444444',
      borderRadius: '25px',
      fontWeight: 'bold',
    })
  })

  it('marks the reply the consumer sent, by publishText or title', () => {
    const content = {
      type: 'quickReplies',
      itemsPerRow: 3,
      replies: [
        reply('Yes', { click: { actions: [{ type: 'publishText', text: 'yep' }] } }),
        reply('No'),
      ],
    }
    const { unmount } = render(<QuickReplies content={content} chosenText="Yep" />)
    expect(screen.getByRole('button', { name: 'Yes, chosen' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'No' })).toBeInTheDocument()
    expect(screen.getAllByText('Chosen')).toHaveLength(1)
    unmount()
    render(<QuickReplies content={content} chosenText="no" />)
    expect(screen.getByRole('button', { name: 'No, chosen' })).toBeInTheDocument()
  })

  it('notes a publishText that differs from the title, not one that repeats it', () => {
    render(
      <QuickReplies
        content={{
          type: 'quickReplies',
          itemsPerRow: 3,
          replies: [
            reply('Same'),
            reply('Other', { click: { actions: [{ type: 'publishText', text: 'different' }] } }),
          ],
        }}
      />,
    )
    expect(screen.getByText('sends "different"')).toBeInTheDocument()
    expect(screen.queryByText('sends "Same"')).not.toBeInTheDocument()
  })

  it('cuts long titles with an ellipsis, visually only: the full title stays name and tooltip', () => {
    const long = 'Tell me about the offers'
    render(
      <QuickReplies
        content={{ type: 'quickReplies', itemsPerRow: 2, replies: [reply(long), reply('Short')] }}
      />,
    )
    const chip = screen.getByRole('button', { name: long })
    expect(within(chip).getByText(long)).toHaveClass('truncate', 'max-w-[22ch]')
    expect(chip).toHaveAttribute('title', long)
    expect(screen.getByRole('button', { name: 'Short' })).not.toHaveAttribute('title')
  })

  it('shows a reply that is not a button as unsupported, next to the others', () => {
    render(
      <QuickReplies
        content={{
          type: 'quickReplies',
          itemsPerRow: 3,
          replies: [reply('Ok'), { type: 'text', text: 'x' }],
        }}
        raw="{raw}"
      />,
    )
    expect(screen.getByRole('button', { name: 'Ok' })).toBeInTheDocument()
    expect(screen.getByText('Unsupported element')).toBeInTheDocument()
    expect(screen.getByRole('note', { name: 'Unsupported rich content' })).toBeInTheDocument()
  })

  it('shows a notice for content that is not quick replies', () => {
    render(<QuickReplies content={{ type: 'text', text: 'hi' }} raw='{"type":"text"}' />)
    expect(screen.getByText(/not a quick-replies object/)).toBeInTheDocument()
  })

  it('is also rendered when handed to RichContent', () => {
    render(<RichContent content={quickReplies(2, 2)} />)
    expect(rowContents()).toEqual([['R1', 'R2']])
  })
})
