import { Component, type ReactNode } from 'react'
import { UnsupportedNotice } from './unsupported-notice'

interface Props {
  /** The raw JSON for the notice, computed only if it is needed. */
  raw: () => string
  children: ReactNode
}

/**
 * The last line of defence: if rendering rich content throws anyway, the message shows the
 * notice and its raw JSON instead of taking the message list down with it.
 */
export class RichContentBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    let raw: string
    try {
      raw = this.props.raw()
    } catch {
      raw = '(the content could not be serialised)'
    }
    return (
      <UnsupportedNotice
        issues={[{ path: '', message: 'this rich content could not be displayed' }]}
        raw={raw}
      />
    )
  }
}
