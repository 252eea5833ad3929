import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { RichContent } from '@/app/features/rich-content/rich-content'

const checkbox = (label: string, extra: Record<string, unknown> = {}) => ({
  type: 'checkbox',
  text: label,
  click: { actions: [{ type: 'checked', publishText: label.toLowerCase() }] },
  ...extra,
})

const checklist = {
  type: 'list',
  elements: [
    { type: 'text', text: 'Choose your toppings' },
    {
      type: 'sectionList',
      elements: [
        {
          type: 'section',
          sectionID: 'veg',
          elements: [
            { type: 'text', text: 'Vegetables' },
            { type: 'checklist', elements: [checkbox('Olives'), checkbox('Peppers')] },
          ],
        },
        {
          type: 'section',
          sectionID: 'meat',
          elements: [{ type: 'checklist', elements: [checkbox('Ham', { borderLine: false })] }],
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
        {
          type: 'button',
          title: 'Clear',
          click: { actions: [{ type: 'publishText', text: 'clear' }] },
        },
      ],
    },
  ],
}

describe('list (multiple checklist)', () => {
  it('shows the title, the sections with their checkboxes, and the buttons', () => {
    render(<RichContent content={checklist} />)
    const list = screen.getByRole('group', { name: 'Choose your toppings' })
    const veg = within(list).getByRole('group', { name: 'Vegetables' })
    expect(
      within(veg)
        .getAllByRole('checkbox')
        .map((c) => c.closest('div')?.textContent),
    ).toEqual(['Olives', 'Peppers'])
    // A section without a heading text is named by its sectionID.
    expect(within(list).getByRole('group', { name: 'meat' })).toBeInTheDocument()
    expect(within(list).getByRole('button', { name: 'Submit' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    expect(screen.getByText('sends the checked options as text')).toBeInTheDocument()
    expect(within(list).getByRole('button', { name: 'Clear' })).toBeInTheDocument()
  })

  it('shows checkboxes inert and unchecked without a submitted answer', () => {
    render(<RichContent content={checklist} />)
    for (const name of ['Olives', 'Peppers', 'Ham']) {
      const box = screen.getByRole('checkbox', { name })
      expect(box).toBeDisabled()
      expect(box).not.toBeChecked()
    }
  })

  it('checks and marks the options the consumer submitted (comma-separated)', () => {
    render(<RichContent content={checklist} chosenText="olives, ham" />)
    expect(screen.getByRole('checkbox', { name: /Olives/ })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: /Ham/ })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Peppers' })).not.toBeChecked()
    expect(screen.getAllByText('Chosen')).toHaveLength(2)
  })

  it('renders a disabled submit button as disabled-looking', () => {
    render(<RichContent content={{ type: 'submitButton', title: 'Send', disabled: true }} />)
    expect(screen.getByRole('button', { name: 'Send' })).toHaveClass('bg-slate-200')
  })

  it('draws the line above a checkbox unless borderLine is false', () => {
    render(<RichContent content={checklist} />)
    const olivesRow = screen.getByRole('checkbox', { name: 'Olives' }).parentElement?.parentElement
    const hamRow = screen.getByRole('checkbox', { name: 'Ham' }).parentElement?.parentElement
    expect(olivesRow?.querySelector('.border-t')).not.toBeNull()
    expect(hamRow?.querySelector('.border-t')).toBeNull()
  })
})
