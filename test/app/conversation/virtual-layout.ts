import { vi } from 'vitest'

/**
 * Layout for the virtualised transcript under jsdom, which has none (a virtual list would render
 * nothing): every element gets a fixed size, a scroll container is as tall as its content (the
 * virtual list sets its own height), and scrollTop / scrollTo work and fire `scroll`: all the
 * virtualizer reads. Returns the undo for `scrollTo` (jsdom has none: a later file must not see
 * this one); the spies are undone by `vi.restoreAllMocks()`. `beforeEach(() => installLayout(…))`
 * runs the undo after each test.
 */
export function installLayout(viewport: number, itemHeight = 100): () => void {
  const previousScrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo')
  const offsets = new WeakMap<Element, number>()
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(viewport)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(itemHeight)
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1000)
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(function (this: Element) {
    const content = this.firstElementChild
    const height = content instanceof HTMLElement ? Number.parseFloat(content.style.height) : NaN
    return Number.isFinite(height) ? height : 0
  })
  vi.spyOn(Element.prototype, 'scrollTop', 'get').mockImplementation(function (this: Element) {
    return offsets.get(this) ?? 0
  })
  vi.spyOn(Element.prototype, 'scrollTop', 'set').mockImplementation(function (
    this: Element,
    value: number,
  ) {
    offsets.set(this, value)
    this.dispatchEvent(new Event('scroll'))
  })
  Object.defineProperty(Element.prototype, 'scrollTo', {
    configurable: true,
    writable: true,
    value(this: Element, options?: ScrollToOptions) {
      if (options?.top === undefined) return
      offsets.set(this, options.top)
      this.dispatchEvent(new Event('scroll'))
    },
  })
  return () => {
    if (previousScrollTo) Object.defineProperty(Element.prototype, 'scrollTo', previousScrollTo)
    else Reflect.deleteProperty(Element.prototype, 'scrollTo')
  }
}
