import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { RemoteImagesProvider } from '@/app/lib/remote-images'
import { RichContent } from '@/app/features/rich-content/rich-content'

const content = {
  type: 'vertical',
  elements: [
    { type: 'image', url: 'https://cdn.example.com/a.png', alt: 'First' },
    { type: 'image', url: 'https://cdn.example.com/b.png', alt: 'Second' },
    { type: 'image', url: 'https://tracker.example.net/pixel.gif', alt: 'Pixel' },
  ],
}

function conversation(conversationId: string) {
  return (
    <RemoteImagesProvider conversationId={conversationId}>
      <RichContent content={content} />
    </RemoteImagesProvider>
  )
}

const loaded = () => screen.queryAllByRole('img').map((img) => img.getAttribute('alt'))

afterEach(() => {
  window.sessionStorage.clear()
})

describe('remote images in a conversation', () => {
  it('one click loads every image of that host, and only of that host', () => {
    render(conversation('c-1'))
    expect(loaded()).toEqual([])
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Load images from cdn.example.com' })[0] as HTMLElement,
    )
    expect(loaded()).toEqual(['First', 'Second'])
    expect(screen.getByText('Image from tracker.example.net not loaded')).toBeInTheDocument()
  })

  it('is remembered for that conversation for the session, not for another one', () => {
    const first = render(conversation('c-1'))
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Load images from cdn.example.com' })[0] as HTMLElement,
    )
    first.unmount()

    const again = render(conversation('c-1'))
    expect(loaded()).toEqual(['First', 'Second'])
    again.unmount()

    render(conversation('c-2'))
    expect(loaded()).toEqual([])
  })

  it('moving to another conversation in the same page reads its own consent', () => {
    const view = render(conversation('c-1'))
    fireEvent.click(
      screen.getAllByRole('button', { name: 'Load images from cdn.example.com' })[0] as HTMLElement,
    )
    view.rerender(conversation('c-2'))
    expect(loaded()).toEqual([])
    view.rerender(conversation('c-1'))
    expect(loaded()).toEqual(['First', 'Second'])
  })

  it('survives unreadable stored consent', () => {
    window.sessionStorage.setItem('cv.remoteImages', '{"c-1": "not a list"')
    render(conversation('c-1'))
    expect(loaded()).toEqual([])
  })
})
