import seedExampleResponse from '@/server/demo/seed-example.json' with { type: 'json' }

/**
 * The example conversation from LivePerson's engagement-attributes documentation, included in the
 * demo set verbatim (its 2016 timestamps, drifted key names such as `csatRate`,
 * `consumerParticipant` and `messageScore`, and its inconsistencies are all kept on purpose).
 * The one copy is `seed-example.json` beside this file: the published search response, with the
 * two syntax errors of its `lead` event fixed (a missing comma after `serverTimeStamp` and a
 * trailing comma after `originalTimeStamp`). The published text itself, errors and all, is
 * `test/fixtures/seed-example-malformed.json`. Tests import the JSON too.
 */

/** The example conversation's id. */
export const SEED_EXAMPLE_CONVERSATION_ID = 'e5c58e49-e4a5-40a8-8a18-d6580d1d5630'

const [record] = seedExampleResponse.conversationHistoryRecords
if (!record) throw new Error('seed-example.json has no record')

/** The example's one record, as the API returns it (do not change it: clone it). */
export const SEED_EXAMPLE_RECORD: Readonly<Record<string, unknown>> = record
