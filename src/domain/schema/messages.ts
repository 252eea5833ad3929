import { z } from 'zod'
import {
  cleanArray,
  cleanObject,
  isAbsent,
  isPlainObject,
  optNumber,
  optString,
  optStringArray,
  optText,
  optTime,
  parseJson,
} from '@/domain/schema/coerce'

/** A bot intent inside `contextData.structuredMetadata[].botResponse`. */
export const botIntentSchema = cleanObject({
  id: optString,
  name: optString,
  confidence: optString,
  confidenceScore: optNumber,
})

export const botResponseSchema = cleanObject({
  externalConversationId: optString,
  businessCases: optStringArray,
  intents: cleanArray(botIntentSchema).optional(),
})

export const actionReasonSchema = cleanObject({ reason: optString, reasonId: optString })

export const structuredMetadataItemSchema = cleanObject({
  botResponse: botResponseSchema.optional(),
  actionReason: actionReasonSchema.optional(),
})

/**
 * `contextData` of a message (also found on participants and transfers). `rawMetadata` is a JSON
 * string on the wire; it is kept as sent and, when it is valid JSON, also parsed into
 * `rawMetadataParsed`. An unparseable `rawMetadata` is not an error (it is opaque bot metadata).
 */
export const contextDataSchema = cleanObject({
  rawMetadata: z.unknown().optional(),
  structuredMetadata: cleanArray(structuredMetadataItemSchema).optional(),
}).transform((value) => {
  const { rawMetadata, ...rest } = value
  const out: typeof rest & { rawMetadata?: string; rawMetadataParsed?: unknown } = rest
  if (typeof rawMetadata === 'string') {
    if (!isAbsent(rawMetadata)) {
      out.rawMetadata = rawMetadata
      const parsed = parseJson(rawMetadata)
      if (parsed.ok) out.rawMetadataParsed = parsed.value
    }
  } else if (rawMetadata !== undefined && rawMetadata !== null) {
    out.rawMetadataParsed = rawMetadata
  }
  return out
})

/** `msg`: plain text (or HTML for `TEXT_HTML`). The text is kept exactly as sent. */
export const textMessageSchema = cleanObject({ text: optText }, undefined, (value) =>
  typeof value === 'string' ? { text: value } : value,
)

/** `file`: a hosted file or image. `preview` (base64) comes only from the by-ID method. */
export const fileMessageSchema = cleanObject({
  relativePath: optString,
  fileType: optString,
  caption: optText,
  preview: optString,
})

/** A link message. The wire key is undocumented; `link`, `linkPreview` and `externalFileLink` are accepted. */
export const linkMessageSchema = cleanObject(
  {
    externalFileLink: optString,
    fileType: optString,
    caption: optText,
    title: optText,
    description: optText,
    imageURL: optString,
  },
  { url: 'externalFileLink', link: 'externalFileLink', href: 'externalFileLink' },
)

/** A secure form invitation or submission. Accepted under `secureForm`, `form`, `secureFormInvitation`, `secureFormSubmit`. */
export const secureFormMessageSchema = cleanObject({
  formId: optString,
  formName: optText,
  submissionId: optString,
  invitationId: optString,
})

/** The clean form of a `richContent` / `quickReplies` payload. */
export interface JsonContent {
  /** The JSON string as sent on the wire (absent when the wire already sent an object). */
  raw?: string
  /** The parsed JSON. Absent when `raw` was not valid JSON (the record carries a warning). */
  content?: unknown
  [key: string]: unknown
}

/**
 * `richContent` / `quickReplies`: `{ content: "<JSON string>" }` on the wire. The string is
 * parsed into `content`; the original stays in `raw`. Already-parsed objects are accepted too,
 * and so is a clean payload (`{ raw, content }`), so parsing is idempotent.
 */
export const jsonContentSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { content: value } : value),
  z
    .looseObject({ content: z.unknown().optional(), raw: z.unknown().optional() })
    .transform((value): JsonContent => {
      const { content, raw, ...rest } = value
      const out: JsonContent = rest
      let source: string | undefined
      if (typeof content === 'string') source = content
      else if (content !== undefined) out.content = content
      else if (typeof raw === 'string') source = raw
      if (typeof raw === 'string' && source === undefined) out.raw = raw
      if (source !== undefined) {
        out.raw = source
        const parsed = parseJson(source)
        if (parsed.ok) out.content = parsed.value
      }
      return out
    }),
)

const linkKeys = ['linkPreview', 'externalFileLink', 'externalLink'] as const
const formKeys = [
  'form',
  'secureFormInvitation',
  'secureFormSubmit',
  'secureFormSubmission',
] as const

/** Folds the undocumented link and secure-form key names into `link` and `secureForm`. */
function foldMessageData(value: unknown): unknown {
  if (!isPlainObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const key of linkKeys) {
    if (!(key in value)) continue
    copy ??= { ...value }
    const found = copy[key]
    delete copy[key]
    if (copy.link === undefined && !isAbsent(found)) {
      copy.link = typeof found === 'string' ? { externalFileLink: found } : found
    }
  }
  if (typeof value.link === 'string') {
    copy ??= { ...value }
    copy.link = isAbsent(value.link) ? undefined : { externalFileLink: value.link }
  }
  for (const key of formKeys) {
    if (!(key in value)) continue
    copy ??= { ...value }
    const found = copy[key]
    delete copy[key]
    if (copy.secureForm === undefined && !isAbsent(found)) copy.secureForm = found
  }
  return copy ?? value
}

/**
 * `messageData`: one or more of `msg`, `file`, `link`, `secureForm`, `richContent`,
 * `quickReplies` (a TEXT_PLAIN message can carry both `msg` and `quickReplies`).
 */
export const messageDataSchema = cleanObject(
  {
    msg: textMessageSchema.optional(),
    file: fileMessageSchema.optional(),
    link: linkMessageSchema.optional(),
    secureForm: secureFormMessageSchema.optional(),
    richContent: jsonContentSchema.optional(),
    quickReplies: jsonContentSchema.optional(),
  },
  undefined,
  foldMessageData,
)

/** One `messageRecords[]` item. `dialogId: "undefined"` and `device: "undefined"` become absent. */
export const messageRecordSchema = cleanObject({
  type: optString,
  messageId: optString,
  seq: optNumber,
  dialogId: optString,
  participantId: optString,
  sentBy: optString,
  audience: optString,
  time: optString,
  timeL: optTime,
  source: optString,
  device: optString,
  messageData: messageDataSchema.optional(),
  contextData: contextDataSchema.optional(),
})

export type BotIntent = z.output<typeof botIntentSchema>
export type StructuredMetadataItem = z.output<typeof structuredMetadataItemSchema>
export type ContextData = z.output<typeof contextDataSchema>
export type TextMessage = z.output<typeof textMessageSchema>
export type FileMessage = z.output<typeof fileMessageSchema>
export type LinkMessage = z.output<typeof linkMessageSchema>
export type SecureFormMessage = z.output<typeof secureFormMessageSchema>
export type MessageData = z.output<typeof messageDataSchema>
export type MessageRecord = z.output<typeof messageRecordSchema>
