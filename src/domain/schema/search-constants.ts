/**
 * The constants of the Messaging Interactions search requests (statuses, devices, content types,
 * sections, SDE keys, limits). Plain data with no imports: the SPA uses them without loading the
 * zod schemas of search-request.ts (which re-exports them), which its bundle could not leave out.
 */

export const TEN_MINUTES_MS = 10 * 60 * 1000
export const MAX_WINDOW_DAYS = 92
export const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 24 * 60 * 60 * 1000
export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 100
export const MAX_CONVERSATION_IDS = 100
/**
 * The longest `conversationId` the by-ID search accepts (characters, after trimming); the import
 * refuses a record whose ID is longer, since it could never be opened.
 */
export const MAX_CONVERSATION_ID_LENGTH = 200
/** LivePerson's retention (13 months), the upper bound of a `duration` range without `to`. */
export const RETENTION_SECONDS = 13 * 31 * 24 * 60 * 60

export const CONVERSATION_STATUSES = ['OPEN', 'CLOSE'] as const
export const DEVICES = ['DESKTOP', 'TABLET', 'MOBILE', 'NA'] as const
export const ALERTED_MCS_VALUES = ['-1', '0', '1'] as const
export const QUEUE_STATES = ['IN_QUEUE', 'ACTIVE'] as const
export const MESSAGE_CONTENT_TYPES = [
  'TEXT_PLAIN',
  'TEXT_HTML',
  'LINK',
  'HOSTED_FILE',
  'IMG',
  'SECURE_FORM_INVITATION',
  'SECURE_FORM_SUBMIT',
  'RICH_CONTENT',
] as const
export const SORT_FIELDS = ['start', 'end'] as const
export const SORT_ORDERS = ['asc', 'desc'] as const

/** What LivePerson returns when `contentToRetrieve` is absent (plus `info`, always). */
const DEFAULT_SECTIONS = [
  'campaign',
  'messageRecords',
  'agentParticipants',
  'agentParticipantsLeave',
  'agentParticipantsActive',
  'consumerParticipants',
  'transfers',
  'interactions',
  'messageScores',
  'messageStatuses',
  'conversationSurveys',
  'coBrowseSessions',
  'summary',
  'sdes',
  'unAuthSdes',
] as const

/** Every value `contentToRetrieve` accepts (reference §2.3): the default ones, then the others. */
export const CONTENT_TO_RETRIEVE_VALUES = [
  ...DEFAULT_SECTIONS,
  'monitoring',
  'dialogs',
  'responseTime',
  'skillChanges',
  'intents',
  'uniqueIntents',
  'latestAgentSurvey',
  'previouslySubmittedAgentSurveys',
] as const
export type ContentToRetrieve = (typeof CONTENT_TO_RETRIEVE_VALUES)[number]

export const DEFAULT_CONTENT_TO_RETRIEVE: readonly ContentToRetrieve[] = DEFAULT_SECTIONS

/** `sdeSearch` keys (ORed) and the SDE event key each one searches. */
export const SDE_SEARCH_KEYS = [
  'personalInfo',
  'customerInfo',
  'userUpdate',
  'marketingCampaignInfo',
  'lead',
  'purchase',
  'viewedProduct',
  'cartStatus',
  'serviceActivity',
  'visitorError',
  'searchContent',
] as const
export type SdeSearchKey = (typeof SDE_SEARCH_KEYS)[number]

/** How a conversation stands in QA review (issue 13): no review, only drafts, or reviewed. */
export const REVIEW_STATUSES = ['none', 'draft', 'reviewed'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]
