import {
  createRoute,
  lazyRouteComponent,
  notFound,
  stripSearchParams,
} from '@tanstack/react-router'
import { z } from 'zod'
import { ConversationError } from '@/app/features/conversation/conversation-error'
import { ConversationNotFound } from '@/app/features/conversation/conversation-not-found'
import { ConversationPending } from '@/app/features/conversation/conversation-pending'
import { DEFAULT_PANEL, PANEL_IDS } from '@/app/features/conversation/panel-ids'
import { configQueries } from '@/app/lib/config-queries'
import { conversationQueries } from '@/app/lib/conversation-queries'
import { HttpError } from '@/app/lib/http'
import { rootRoute } from '@/app/routes/root'

/**
 * `msg`: a messageId to scroll to and highlight; `find`: find-in-transcript; `tab`: the open panel;
 * `review`: the Review panel is open, on this conversation's reviews (`list`), starting one
 * (`new`), or on one review (its ID).
 */
export const conversationSearchSchema = z.object({
  msg: z.string().min(1).optional().catch(undefined),
  review: z.string().min(1).max(64).optional().catch(undefined),
  find: z.string().default('').catch(''),
  tab: z.enum(PANEL_IDS).default(DEFAULT_PANEL).catch(DEFAULT_PANEL),
})

export const conversationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/conversations/$conversationId',
  validateSearch: conversationSearchSchema,
  search: { middlewares: [stripSearchParams({ find: '', tab: DEFAULT_PANEL })] },
  loader: async ({ context: { queryClient }, params: { conversationId } }) => {
    const config = await queryClient.ensureQueryData(configQueries.app())
    try {
      const detail = await queryClient.ensureQueryData(
        conversationQueries.detail(config.accountId, conversationId),
      )
      if (detail.records.length === 0) throw notFound({ data: { conversationId } })
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) {
        throw notFound({ data: { conversationId } })
      }
      throw error
    }
  },
  pendingComponent: ConversationPending,
  errorComponent: ConversationError,
  notFoundComponent: ConversationNotFound,
  component: lazyRouteComponent(
    () => import('@/app/features/conversation/conversation-page'),
    'ConversationPage',
  ),
})
