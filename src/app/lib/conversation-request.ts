import { CONTENT_TO_RETRIEVE_VALUES } from '@/domain/schema/search-constants'

/** Where the app's conversation requests go: shared by the page's queries and the JSON export. */

/** The path of one account's conversation searches, e.g. `…/conversations/conversation/search`. */
export function accountPath(accountId: string, rest: string): string {
  return `/messaging_history/api/account/${encodeURIComponent(accountId)}/conversations/${rest}`
}

/** The detail page's request for one conversation: every section, `v=2`. */
export function conversationRequest(accountId: string, conversationId: string) {
  return {
    url: `${accountPath(accountId, 'conversation/search')}?v=2&source=ConvViewer`,
    json: { conversationId, contentToRetrieve: CONTENT_TO_RETRIEVE_VALUES },
  }
}
