import { agentParticipantSchema, consumerParticipantSchema } from '@/domain/schema/participants'
import {
  parseArraySection,
  parseObjectSection,
  parseRecordWith,
  type RecordParseResult,
} from '@/domain/schema/record-parse'
import { summarySchema } from '@/domain/schema/summary'

/**
 * A record of the results list: its head and the sections the list asks for (participants and
 * summary, `LIST_SECTIONS`), parsed as `parseConversationRecord` parses them. Any other section
 * is left out: the list never asks for one, and parsing it would take its schema (messages,
 * engagement attributes, surveys...) into the search page's first script.
 */
export function parseListRecord(raw: unknown): RecordParseResult {
  return parseRecordWith(raw, (input, set, warnings) => {
    for (const key of [
      'agentParticipants',
      'agentParticipantsActive',
      'agentParticipantsLeave',
    ] as const) {
      set(key, parseArraySection(agentParticipantSchema, input[key], key, warnings))
    }
    set(
      'consumerParticipants',
      parseArraySection(
        consumerParticipantSchema,
        input.consumerParticipants,
        'consumerParticipants',
        warnings,
      ),
    )
    set('summary', parseObjectSection(summarySchema, input.summary, 'summary', warnings))
  })
}
