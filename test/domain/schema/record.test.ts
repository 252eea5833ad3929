import { describe, expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import type { ConversationRecord, ParseWarning } from '@/domain/schema/record'
import { SEED_ID, seedRecord } from './seed'

function parseOk(raw: unknown): { record: ConversationRecord; warnings: ParseWarning[] } {
  const result = parseConversationRecord(raw)
  if (!result.ok) throw new Error(`expected the record to parse, got: ${result.reason}`)
  return result
}

describe('the seed example (documentation example, syntax fixed)', () => {
  test('parses with no warnings', () => {
    const { record, warnings } = parseOk(seedRecord())
    expect(warnings).toEqual([])
    expect(record.info.conversationId).toBe(SEED_ID)
  })

  test('info is clean: csatRate → csat, -1 end time and "undefined" device absent', () => {
    const { info } = parseOk(seedRecord()).record
    expect(info.csat).toBe(5)
    expect('csatRate' in info).toBe(false)
    expect('endTimeL' in info).toBe(false)
    expect('endTime' in info).toBe(false)
    expect('device' in info).toBe(false)
    expect(info.status).toBe('OPEN')
    expect(info.startTimeL).toBe(1472481024565)
    expect(info.duration).toBe(78970)
    expect(info.latestSkillId).toBe(-1)
    expect(info.latestSkillName).toBe('Unassigned')
    expect(info.latestAgentGroupId).toBe(-1)
    expect(info.latestAgentId).toBe('3677470410')
    expect(info.isPartial).toBe(false)
  })

  test('consumerParticipant and messageScore are folded to the plural canonical names', () => {
    const { record } = parseOk(seedRecord())
    expect('consumerParticipant' in record).toBe(false)
    expect('messageScore' in record).toBe(false)
    expect(record.consumerParticipants).toHaveLength(1)
    expect(record.consumerParticipants?.[0]).toMatchObject({
      participantId: 'f92c9890-2c95-428b-8a32-083528620d31',
      firstName: 'Visitor',
      consumerName: 'Visitor',
    })
    // "undefined" token / email / avatarURL are absent, the phone "0" is a real value
    expect(record.consumerParticipants?.[0]).not.toHaveProperty('email')
    expect(record.consumerParticipants?.[0]).not.toHaveProperty('token')
    expect(record.consumerParticipants?.[0]).not.toHaveProperty('avatarURL')
    expect(record.consumerParticipants?.[0]?.phone).toBe('0')
    expect(record.messageScores?.map((s) => s.timeL)).toEqual([1472483666314, 1472483749225])
  })

  test('messages: "undefined" dialogId and device absent, rich content parsed, raw kept', () => {
    const { record } = parseOk(seedRecord())
    const messages = record.messageRecords ?? []
    expect(messages).toHaveLength(4)
    expect(messages[0]).not.toHaveProperty('dialogId')
    expect(messages[0]).not.toHaveProperty('device')
    expect(messages[0]?.messageData?.msg?.text).toBe('Hi there #4')
    const rich = messages[3]?.messageData?.richContent
    expect(rich?.content).toHaveProperty('type', 'vertical')
    expect(rich?.content).toHaveProperty('elements.length', 3)
    expect(typeof rich?.raw).toBe('string')
    expect(JSON.parse(rich?.raw ?? '')).toEqual(rich?.content)
  })

  test('bot context data: structured metadata typed and raw metadata parsed', () => {
    const context = parseOk(seedRecord()).record.messageRecords?.[1]?.contextData
    expect(context?.structuredMetadata?.[0]?.botResponse?.intents?.[0]).toEqual({
      id: 'some intent identifier',
      confidence: 'MEDIUM',
      confidenceScore: 0.753,
    })
    expect(context?.structuredMetadata?.[1]?.actionReason?.reason).toBe('some reason')
    expect(context?.rawMetadataParsed).toEqual([
      expect.objectContaining({ type: 'BotResponse' }),
      expect.objectContaining({ type: 'ActionReason', reasonId: 'some reason Id' }),
    ])
  })

  test('transfers: "null" assignedAgentId absent, skills numeric with -1 Unassigned kept', () => {
    const transfers = parseOk(seedRecord()).record.transfers ?? []
    expect(transfers).toHaveLength(2)
    expect(transfers[0]).not.toHaveProperty('assignedAgentId')
    expect(transfers[0]).toMatchObject({
      sourceSkillId: -1,
      sourceSkillName: 'Unassigned',
      targetSkillId: 2,
      by: '196875613',
    })
  })

  test('co-browse sessions keep `interactive` and numeric times', () => {
    const list = parseOk(seedRecord()).record.coBrowseSessions?.coBrowseSessionsList ?? []
    expect(list.map((s) => s.interactive)).toEqual([true, true])
    expect(list[1]?.capabilities).toContain('AGENT_APP_CONTROL')
    expect(list[0]?.endTimeL).toBe(1506325801789)
  })
})

describe('naming drift', () => {
  test('csat wins over csatRate when both are sent', () => {
    const raw = seedRecord({ 'info.csat': '3' })
    expect(parseOk(raw).record.info.csat).toBe(3)
  })

  test('isInteractive folds to interactive (also from a string)', () => {
    const raw = seedRecord({
      'coBrowseSessions.coBrowseSessionsList[0].interactive': undefined,
      'coBrowseSessions.coBrowseSessionsList[0].isInteractive': 'false',
    })
    const first = parseOk(raw).record.coBrowseSessions?.coBrowseSessionsList[0]
    expect(first?.interactive).toBe(false)
    expect(first).not.toHaveProperty('isInteractive')
  })

  test('campaign LocationId / LocationName fold to locationId / locationName', () => {
    const raw = seedRecord({
      'campaign.locationId': undefined,
      'campaign.locationName': undefined,
      'campaign.LocationId': 2266779612,
      'campaign.LocationName': 'Entire site',
    })
    const campaign = parseOk(raw).record.campaign
    expect(campaign?.locationId).toBe('2266779612')
    expect(campaign?.locationName).toBe('Entire site')
    expect(campaign).not.toHaveProperty('LocationId')
  })

  test('interactions agent* fields fold to assignedAgent*', () => {
    const raw = seedRecord({
      interactions: [
        {
          agentId: 3677470410,
          agentFullName: 'Michal F',
          agentLoginName: 'michal@lp.com',
          agentNickname: 'michal',
          interactionTimeL: '1472483644999',
          interactiveSequence: '1',
        },
      ],
    })
    expect(parseOk(raw).record.interactions?.[0]).toEqual({
      assignedAgentId: '3677470410',
      assignedAgentFullName: 'Michal F',
      assignedAgentLoginName: 'michal@lp.com',
      assignedAgentNickname: 'michal',
      interactionTimeL: 1472483644999,
      interactiveSequence: 1,
    })
  })

  test('a record sending the canonical and the drifted name keeps the canonical one', () => {
    const raw = seedRecord({ consumerParticipants: [{ participantId: 'canonical' }] })
    const { record } = parseOk(raw)
    expect(record.consumerParticipants?.map((c) => c.participantId)).toEqual(['canonical'])
    expect(record).not.toHaveProperty('consumerParticipant')
  })
})

describe('sentinels and numeric strings', () => {
  test('numeric strings become numbers; agent IDs become strings', () => {
    const raw = seedRecord({
      'info.startTimeL': '1472481024565',
      'info.duration': '78970',
      'info.mcs': '67',
      'info.latestSkillId': '12',
      'info.latestAgentGroupId': '-1',
      'info.latestAgentId': 3677470410,
      'agentParticipants[0].agentGroupId': '55',
      'agentParticipants[0].agentId': 3677470410,
      'messageRecords[0].seq': '0',
      'messageRecords[0].timeL': '1472483659564',
    })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([])
    expect(record.info).toMatchObject({
      startTimeL: 1472481024565,
      duration: 78970,
      mcs: 67,
      latestSkillId: 12,
      latestAgentGroupId: -1,
      latestAgentId: '3677470410',
    })
    expect(record.agentParticipants?.[0]).toMatchObject({ agentGroupId: 55, agentId: '3677470410' })
    expect(record.messageRecords?.[0]).toMatchObject({ seq: 0, timeL: 1472483659564 })
  })

  test('"undefined", "null", null and "" all become absent', () => {
    const raw = seedRecord({
      'info.browser': 'null',
      'info.operatingSystem': null,
      'info.latestQueueState': '',
      'info.closeReason': 'undefined',
    })
    const { info } = parseOk(raw).record
    for (const key of ['browser', 'operatingSystem', 'latestQueueState', 'closeReason']) {
      expect(info).not.toHaveProperty(key)
    }
  })

  test('every -1 end time means "not ended" and becomes absent; -1 start or skill stays', () => {
    const raw = seedRecord({
      'info.conversationEndTimeL': -1,
      'info.fullDialogEndTimeL': '-1',
      'info.conversationEndTime': 'undefined',
      dialogs: [{ dialogId: SEED_ID, dialogType: 'MAIN', endTimeL: -1, skillId: -1 }],
      'coBrowseSessions.coBrowseSessionsList[0].endTimeL': -1,
    })
    const { record } = parseOk(raw)
    expect(record.info).not.toHaveProperty('conversationEndTimeL')
    expect(record.info).not.toHaveProperty('fullDialogEndTimeL')
    expect(record.info).not.toHaveProperty('conversationEndTime')
    expect(record.dialogs?.[0]).toEqual({ dialogId: SEED_ID, dialogType: 'MAIN', skillId: -1 })
    expect(record.coBrowseSessions?.coBrowseSessionsList[0]).not.toHaveProperty('endTimeL')
  })

  test('message text is kept exactly, even when a consumer types "null"', () => {
    const raw = seedRecord({
      'messageRecords[0].messageData.msg.text': 'null',
      'messageRecords[2].messageData.msg.text': '',
    })
    const messages = parseOk(raw).record.messageRecords ?? []
    expect(messages[0]?.messageData?.msg?.text).toBe('null')
    expect(messages[2]?.messageData?.msg?.text).toBe('')
  })

  test('responseTime keeps -1 (waiting for the consumer)', () => {
    const raw = seedRecord({
      responseTime: { latestEffectiveResponseDueTime: '-1', configuredResponseTime: '120000' },
    })
    expect(parseOk(raw).record.responseTime).toEqual({
      latestEffectiveResponseDueTime: -1,
      configuredResponseTime: 120000,
    })
  })
})

describe('message data variants', () => {
  function parseMessageData(messageData: unknown) {
    const raw = seedRecord({
      messageRecords: [{ type: 'X', messageId: 'm1', seq: 0, timeL: 1, messageData }],
    })
    const { record, warnings } = parseOk(raw)
    return { data: record.messageRecords?.[0]?.messageData, warnings }
  }

  test('msg plus quickReplies on one TEXT_PLAIN message', () => {
    const replies = { type: 'quickReplies', itemsPerRow: 8, replies: [{ type: 'button' }] }
    const { data, warnings } = parseMessageData({
      msg: { text: 'Pick one' },
      quickReplies: { content: JSON.stringify(replies) },
    })
    expect(warnings).toEqual([])
    expect(data?.msg?.text).toBe('Pick one')
    expect(data?.quickReplies?.content).toEqual(replies)
  })

  test('file message', () => {
    const { data } = parseMessageData({
      file: { relativePath: '/a/b.png', fileType: 'PNG', caption: 'receipt', preview: 'null' },
    })
    expect(data?.file).toEqual({ relativePath: '/a/b.png', fileType: 'PNG', caption: 'receipt' })
  })

  test.each([
    ['link', { link: { externalFileLink: 'https://x.test/a.pdf', fileType: 'PDF' } }],
    ['linkPreview', { linkPreview: { url: 'https://x.test/a.pdf', fileType: 'PDF' } }],
    [
      'externalFileLink object',
      { externalFileLink: { externalFileLink: 'https://x.test/a.pdf', fileType: 'PDF' } },
    ],
  ])('link message under %s', (_name, messageData) => {
    const { data } = parseMessageData(messageData)
    expect(data?.link).toEqual({ externalFileLink: 'https://x.test/a.pdf', fileType: 'PDF' })
    expect(data).not.toHaveProperty('linkPreview')
  })

  test('a bare externalFileLink string becomes a link', () => {
    const { data } = parseMessageData({ externalFileLink: 'https://x.test/a.pdf', caption: 'x' })
    expect(data?.link).toEqual({ externalFileLink: 'https://x.test/a.pdf' })
  })

  test.each(['secureForm', 'form', 'secureFormInvitation', 'secureFormSubmit'])(
    'secure form under %s',
    (key) => {
      const { data } = parseMessageData({
        [key]: {
          formId: 42,
          formName: 'Card details',
          invitationId: 'inv-1',
          submissionId: 'null',
        },
      })
      expect(data?.secureForm).toEqual({
        formId: '42',
        formName: 'Card details',
        invitationId: 'inv-1',
      })
    },
  )

  test('rich content already sent as an object is accepted', () => {
    const card = { type: 'vertical', elements: [{ type: 'text', text: 'hi' }] }
    const { data, warnings } = parseMessageData({ richContent: { content: card } })
    expect(warnings).toEqual([])
    expect(data?.richContent?.content).toEqual(card)
    expect(data?.richContent).not.toHaveProperty('raw')
  })
})

describe('degradation: a broken part costs only that part', () => {
  test('a bad rich-content JSON string: warning for that message, raw kept, record parses', () => {
    const raw = seedRecord({
      'messageRecords[3].messageData.richContent.content': '{"type":"vertical",',
    })
    const { record, warnings } = parseOk(raw)
    expect(warnings.map((w) => w.section)).toEqual(['messageRecords[3].richContent'])
    expect(warnings[0]?.message).toMatch(/^content is not valid JSON \(.+\); shown as raw text$/)
    const rich = record.messageRecords?.[3]?.messageData?.richContent
    expect(rich).not.toHaveProperty('content')
    expect(rich?.raw).toBe('{"type":"vertical",')
    expect(record.messageRecords).toHaveLength(4)
    expect(record.transfers).toHaveLength(2)
  })

  test('a section of the wrong type is dropped with a warning, the rest is intact', () => {
    const raw = seedRecord({ transfers: 'oops' })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([
      { section: 'transfers', message: 'expected an array, got "oops" (section dropped)' },
    ])
    expect(record).not.toHaveProperty('transfers')
    expect(record.messageRecords).toHaveLength(4)
    expect(record.info.csat).toBe(5)
  })

  test('one transfer with a non-numeric timeL is dropped, the other transfer stays', () => {
    const raw = seedRecord({ 'transfers[0].timeL': 'yesterday' })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([
      {
        section: 'transfers[0]',
        message: 'timeL: expected a number, got "yesterday" (item dropped)',
      },
    ])
    expect(record.transfers?.map((t) => t.targetSkillId)).toEqual([3])
  })

  test('a bad field in info drops that field only, with a warning naming it', () => {
    const raw = seedRecord({ 'info.mcs': 'high' })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([
      { section: 'info.mcs', message: 'expected a number, got "high" (field dropped)' },
    ])
    expect(record.info).not.toHaveProperty('mcs')
    expect(record.info.csat).toBe(5)
  })

  test('a bad value under a drifted name (csatRate) drops only that field', () => {
    const raw = seedRecord({ 'info.csatRate': 'five' })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([
      { section: 'info.csat', message: 'expected a number, got "five" (field dropped)' },
    ])
    expect(record.info).not.toHaveProperty('csat')
    expect(record.info).not.toHaveProperty('csatRate')
    expect(record.info.mcs).toBe(67)
  })

  test('an object section of the wrong type is dropped with a warning', () => {
    const raw = seedRecord({ summary: ['not', 'an', 'object'] })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([
      { section: 'summary', message: 'expected an object, got an array (section dropped)' },
    ])
    expect(record).not.toHaveProperty('summary')
  })

  test('a null section is simply absent, without a warning', () => {
    const raw = seedRecord({ transfers: null })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([])
    expect(record).not.toHaveProperty('transfers')
  })
})

describe('rejection', () => {
  test('a record without info.conversationId is rejected with a clear reason', () => {
    const raw = seedRecord({ 'info.conversationId': undefined })
    expect(parseConversationRecord(raw)).toEqual({
      ok: false,
      reason: 'record has no info.conversationId',
    })
  })

  test('"undefined" as a conversationId counts as missing', () => {
    const raw = seedRecord({ 'info.conversationId': 'undefined' })
    expect(parseConversationRecord(raw)).toEqual({
      ok: false,
      reason: 'record has no info.conversationId',
    })
  })

  test('a record without info, and a value that is not a record, are rejected', () => {
    expect(parseConversationRecord(seedRecord({ info: undefined }))).toEqual({
      ok: false,
      reason: 'record has no info section (info.conversationId is required)',
    })
    expect(parseConversationRecord('hello')).toEqual({
      ok: false,
      reason: 'record is not an object (got "hello")',
    })
  })
})

describe('unknown fields', () => {
  test('unknown fields and sections are kept for the raw view', () => {
    const raw = seedRecord({
      'info.brandNewField': 'x',
      'messageRecords[0].messageData.msg.markup': 'b',
      'transfers[0].extra': { nested: true },
      pageView: [{ page: 'https://shop.test', visitTime: 1 }],
    })
    const { record, warnings } = parseOk(raw)
    expect(warnings).toEqual([])
    expect(record.info.brandNewField).toBe('x')
    expect(record.messageRecords?.[0]?.messageData?.msg?.markup).toBe('b')
    expect(record.transfers?.[0]?.extra).toEqual({ nested: true })
    expect(record.pageView).toEqual([{ page: 'https://shop.test', visitTime: 1 }])
  })

  test('skillChanges (undocumented) are loose objects with numeric strings coerced', () => {
    const raw = seedRecord({
      skillChanges: [
        {
          timeL: '1472483650000',
          fromSkillId: '-1',
          fromSkillName: 'Unassigned',
          toSkillId: '7',
          toSkillName: 'billing',
          reason: 'fallback',
          extra: 1,
        },
      ],
    })
    expect(parseOk(raw).record.skillChanges).toEqual([
      {
        timeL: 1472483650000,
        fromSkillId: -1,
        fromSkillName: 'Unassigned',
        toSkillId: 7,
        toSkillName: 'billing',
        reason: 'fallback',
        extra: 1,
      },
    ])
  })
})

test('parsing does not modify the raw input', () => {
  const raw = seedRecord()
  const before = JSON.stringify(raw)
  parseOk(raw)
  expect(JSON.stringify(raw)).toBe(before)
})

test('parsing a clean record again gives the same clean record (idempotent)', () => {
  const first = parseOk(seedRecord()).record
  const again = parseOk(JSON.parse(JSON.stringify(first)))
  expect(again.warnings).toEqual([])
  expect(again.record).toEqual(first)
})
