import type { ScNode } from '@/domain/schema/structured-content'
import { ScButton } from './sc-button'
import { ScCheckbox } from './sc-checkbox'
import { ScImage } from './sc-image'
import { ScKeyValueList } from './sc-key-value-list'
import { ScLinkPreview } from './sc-link-preview'
import { ScMap } from './sc-map'
import { ScQuickReplyTemplate } from './sc-quick-reply-template'
import { ScSubmitButton } from './sc-submit-button'
import { ScText } from './sc-text'
import { UnsupportedElement } from './unsupported-element'

export type BasicNode = Extract<
  ScNode,
  {
    type:
      | 'text'
      | 'button'
      | 'image'
      | 'map'
      | 'linkPreview'
      | 'template'
      | 'keyValuePairList'
      | 'checkbox'
      | 'submitButton'
      | 'unsupported'
  }
>

/** A basic element (not a layout). */
export function ScBasicElement({ node }: { node: BasicNode }) {
  switch (node.type) {
    case 'text':
      return <ScText node={node} />
    case 'button':
      return <ScButton node={node} />
    case 'image':
      return <ScImage node={node} />
    case 'map':
      return <ScMap node={node} />
    case 'linkPreview':
      return <ScLinkPreview node={node} />
    case 'template':
      return <ScQuickReplyTemplate node={node} />
    case 'keyValuePairList':
      return <ScKeyValueList node={node} />
    case 'checkbox':
      return <ScCheckbox node={node} />
    case 'submitButton':
      return <ScSubmitButton node={node} />
    case 'unsupported':
      return <UnsupportedElement node={node} />
  }
}
