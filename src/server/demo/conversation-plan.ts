import type { ChannelSource, ClientProfile } from '@/server/demo/channels'
import type { TransferReason } from '@/server/demo/conversation-builder'
import type { Consumer } from '@/server/demo/people'
import type { Agent } from '@/server/demo/roster'
import type { Topic } from '@/server/demo/topics'

/** A rich or special message kind a conversation plan asks for (each is shown at most once). */
export type Feature =
  | 'quickRepliesText'
  | 'quickRepliesRich'
  | 'botMenuSc'
  | 'welcomeRtl'
  | 'orderCard'
  | 'planCarousel'
  | 'productSelect'
  | 'invoiceAccordion'
  | 'accountTabs'
  | 'returnChecklist'
  | 'appointment'
  | 'confirmResolved'
  | 'templateQuickReply'
  | 'openInApp'
  | 'helpArticle'
  | 'html'
  | 'link'
  | 'secureForm'
  | 'consumerImage'
  | 'hostedFile'
  | 'privateNote'

/** Who or what ends the conversation. */
export type CloseKind = 'AGENT' | 'CONSUMER' | 'AUTO_CLOSE' | 'TIMEOUT'

/** Everything decided about one conversation before it is played out (generate.ts decides it). */
export interface ConversationPlan {
  conversationId: string
  start: number
  cutoff: number
  topic: Topic
  consumer: Consumer
  firstConversation: boolean
  source: ChannelSource
  client: ClientProfile
  /** Cut the conversation after this many messages and leave it open. */
  openAfter: number | undefined
  bot: Agent | undefined
  botOnly: boolean
  targetMessages: number
  closeKind: CloseKind
  transfers: readonly TransferReason[]
  features: ReadonlySet<Feature>
  survey: boolean
  agentSurvey: boolean
  summary: boolean
  cobrowse: 'web' | 'inApp' | undefined
  /** Message count of a long (performance) conversation, 0 for a normal one. */
  longTarget: number
  hostile: boolean
  sdeMode: 'random' | 'allAuth' | 'allUnauth'
  fallbackSkill: boolean
  /** Keep replies prompt (showcase conversations must finish well before "now"). */
  prompt: boolean
}
