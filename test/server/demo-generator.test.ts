import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { parseConversationRecord } from '@/domain/schema/record'
import {
  generateDemoConversations,
  generateDemoConversationsLazy,
  SEED_EXAMPLE_CONVERSATION_ID,
} from '@/server/demo/generate'

// The generator's output is raw wire JSON (`Record<string, unknown>`), and these tests read it the
// way any consumer of the API would: by walking into it. Typing every step would bury the assertions.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return */
type Json = Record<string, any>

const NOW = Date.UTC(2026, 10, 27, 15, 30, 0)
const DAY = 86_400_000
const COUNT = 300

let records: Json[] = []
let generated: Json[] = []

beforeAll(() => {
  records = generateDemoConversations({ count: COUNT, now: NOW })
  generated = records.slice(1)
})

function messages(record: Json): Json[] {
  return record.messageRecords as Json[]
}

function allMessages(): Json[] {
  return generated.flatMap(messages)
}

function parseContent(m: Json, key: 'richContent' | 'quickReplies'): Json {
  return JSON.parse(m.messageData[key].content as string) as Json
}

/** Every object inside a structured-content tree, depth first. */
function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit)
  } else if (node !== null && typeof node === 'object') {
    visit(node)
    for (const value of Object.values(node)) walk(value, visit)
  }
}

function publishTexts(content: unknown): string[] {
  const out: string[] = []
  walk(content, (n) => {
    if (n.type === 'publishText' && typeof n.text === 'string') out.push(n.text)
  })
  return out
}

/** The next consumer message after index `i` in the same dialog, if the conversation went on. */
function nextConsumerMessage(record: Json, i: number): Json | undefined {
  const list = messages(record)
  const dialogId = list[i]?.dialogId
  return list.slice(i + 1).find((m) => m.sentBy === 'Consumer' && m.dialogId === dialogId)
}

describe('determinism', () => {
  test('the same options give byte-identical JSON, lazily or not', () => {
    const a = JSON.stringify(generateDemoConversations({ count: 80, seed: 7, now: NOW }))
    const b = JSON.stringify(generateDemoConversations({ count: 80, seed: 7, now: NOW }))
    const lazy = JSON.stringify([
      ...generateDemoConversationsLazy({ count: 80, seed: 7, now: NOW }),
    ])
    expect(b).toBe(a)
    expect(lazy).toBe(a)
  })

  test('a different seed gives different conversations; the default seed is 20261127', () => {
    const a = generateDemoConversations({ count: 40, seed: 1, now: NOW })
    const b = generateDemoConversations({ count: 40, seed: 2, now: NOW })
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a))
    expect(a[5]?.info).not.toEqual(b[5]?.info)
    const byDefault = generateDemoConversations({ count: 40, now: NOW })
    const explicit = generateDemoConversations({ count: 40, seed: 20261127, now: NOW })
    expect(JSON.stringify(explicit)).toBe(JSON.stringify(byDefault))
  })

  test('returns exactly `count` records with unique conversation IDs', () => {
    expect(records).toHaveLength(COUNT)
    expect(generateDemoConversations({ count: 0, now: NOW })).toEqual([])
    expect(generateDemoConversations({ count: 1, now: NOW })).toHaveLength(1)
    const ids = records.map((r) => r.info.conversationId as string)
    expect(new Set(ids).size).toBe(COUNT)
  })

  test('streams: the first records arrive without generating the whole set', () => {
    const started = performance.now()
    const iterator = generateDemoConversationsLazy({ count: 10_000_000, now: NOW })
    const first = [iterator.next(), iterator.next(), iterator.next()]
    expect(first.every((r) => r.done === false)).toBe(true)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('the documentation example', () => {
  test('comes first, verbatim, with its 2016 times and drifted key names', () => {
    const seed = records[0] as Json
    expect(seed.info.conversationId).toBe(SEED_EXAMPLE_CONVERSATION_ID)
    expect(seed.info.startTime).toBe('2016-08-29 14:30:24.565+0000')
    expect(seed.info.csatRate).toBe(5)
    expect(seed.consumerParticipant[0].participantId).toBe('f92c9890-2c95-428b-8a32-083528620d31')
    expect(seed.messageScore).toHaveLength(2)
    const lead = (seed.unAuthSdes.events as Json[]).find((e) => e.sdeType === 'LEAD')
    expect(lead?.lead).toEqual({
      lead: {
        topic: 'luxury car test drive 2015',
        value: '22.22',
        currency: null,
        leadId: 'xyz123',
      },
      serverTimeStamp: '1528628536882',
      originalTimeStamp: '1528636540046',
    })
  })

  test('is a fresh copy each time', () => {
    const first = generateDemoConversations({ count: 1, now: NOW })[0] as Json
    first.info.conversationId = 'changed'
    const second = generateDemoConversations({ count: 1, now: NOW })[0] as Json
    expect(second.info.conversationId).toBe(SEED_EXAMPLE_CONVERSATION_ID)
  })
})

describe('time', () => {
  test('every generated conversation starts within the 30 days before now, in order', () => {
    const starts = generated.map((r) => r.info.startTimeL as number)
    for (const start of starts) {
      expect(start).toBeGreaterThanOrEqual(NOW - 30 * DAY)
      expect(start).toBeLessThanOrEqual(NOW)
    }
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  test('nothing happens after now, and messages are in time order', () => {
    for (const r of generated) {
      const times = messages(r).map((m) => m.timeL as number)
      expect(times).toEqual([...times].sort((a, b) => a - b))
      const stamps = [
        ...times,
        ...(r.messageStatuses as Json[]).map((s) => s.timeL as number),
        ...(r.messageScores as Json[]).map((s) => s.timeL as number),
        r.info.endTimeL as number,
      ]
      expect(Math.max(...stamps)).toBeLessThanOrEqual(NOW)
      expect(Math.min(...times)).toBeGreaterThanOrEqual(r.info.startTimeL as number)
    }
  })

  test('time strings use LivePerson format and match the epoch fields', () => {
    for (const r of generated.slice(0, 40)) {
      for (const m of messages(r)) {
        expect(m.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0000$/)
        expect(Date.parse((m.time as string).replace(' ', 'T').replace('+0000', 'Z'))).toBe(m.timeL)
      }
    }
  })

  test('follows a daily rhythm: busier afternoons (UTC) than early mornings', () => {
    const hour = (r: Json) => new Date(r.info.startTimeL as number).getUTCHours()
    const busy = generated.filter((r) => hour(r) >= 14 && hour(r) < 22).length
    const quiet = generated.filter((r) => hour(r) >= 4 && hour(r) < 12).length
    expect(busy).toBeGreaterThan(quiet * 2)
  })
})

describe('open and closed conversations', () => {
  test('about a tenth are open, recent, with endTimeL -1 and no close reason', () => {
    const open = generated.filter((r) => r.info.status === 'OPEN')
    expect(open.length / generated.length).toBeGreaterThan(0.05)
    expect(open.length / generated.length).toBeLessThan(0.16)
    for (const r of open) {
      expect(r.info.endTimeL).toBe(-1)
      expect(r.info.closeReason).toBeUndefined()
      expect(r.info.startTimeL).toBeGreaterThan(NOW - 15 * DAY)
    }
    expect(open.some((r) => r.info.latestQueueState === 'IN_QUEUE')).toBe(true)
  })

  test('closed ones carry every close reason and description', () => {
    const closed = generated.filter((r) => r.info.status === 'CLOSE')
    const pairs = new Set(
      closed.map((r) => `${r.info.closeReason}/${r.info.closeReasonDescription}`),
    )
    expect(pairs).toEqual(
      new Set([
        'AGENT/MANUAL_CLOSE',
        'CONSUMER/MANUAL_CLOSE',
        'SYSTEM/AUTO_CLOSE',
        'SYSTEM/TIMEOUT',
      ]),
    )
    for (const r of closed) {
      expect(r.info.endTimeL).toBeGreaterThanOrEqual(r.info.conversationEndTimeL as number)
      expect(r.info.duration).toBe(
        (r.info.conversationEndTimeL as number) - (r.info.startTimeL as number),
      )
    }
  })
})

describe('messages', () => {
  test('every message type appears', () => {
    const types = new Set(allMessages().map((m) => m.type as string))
    for (const type of [
      'TEXT_PLAIN',
      'TEXT_HTML',
      'RICH_CONTENT',
      'HOSTED_FILE',
      'IMG',
      'LINK',
      'SECURE_FORM_INVITATION',
      'SECURE_FORM_SUBMIT',
    ]) {
      expect(types, type).toContain(type)
    }
  })

  test('message IDs, senders and participants are consistent', () => {
    for (const r of generated) {
      const id = r.info.conversationId as string
      const agentIds = new Set((r.agentParticipants as Json[]).map((a) => a.agentId as string))
      const consumerId = r.consumerParticipants[0].participantId as string
      for (const m of messages(r)) {
        if (m.dialogId === id) expect(m.messageId).toBe(`ms::conv:${id}::msg:${String(m.seq)}`)
        else expect(m.messageId).toBe(`ms::dialog:${String(m.dialogId)}::msg:${String(m.seq)}`)
        if (m.sentBy === 'Consumer') expect(m.participantId).toBe(consumerId)
        else expect(agentIds.has(m.participantId as string)).toBe(true)
      }
    }
  })

  test('files carry a path, type and caption, and some images a small preview', () => {
    const files = allMessages().filter((m) => m.type === 'IMG' || m.type === 'HOSTED_FILE')
    for (const m of files) {
      expect(m.messageData.file.relativePath).toMatch(/^\/demo\//)
      expect(['PNG', 'PDF', 'TXT', 'JPG', 'GIF']).toContain(m.messageData.file.fileType)
      expect(typeof m.messageData.file.caption).toBe('string')
    }
    const previews = files.filter((m) => m.messageData.file.preview !== undefined)
    expect(previews.length).toBeGreaterThan(0)
    expect(previews.length).toBeLessThan(files.length)
    expect(
      Buffer.from(previews[0]?.messageData.file.preview as string, 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG')
  })

  test('links and secure forms carry their fields', () => {
    const link = allMessages().find((m) => m.type === 'LINK')
    expect(link?.messageData.link.externalFileLink).toMatch(/^https:\/\//)
    const submit = allMessages().find((m) => m.type === 'SECURE_FORM_SUBMIT')
    expect(submit?.messageData.secureForm).toMatchObject({
      formId: expect.any(String),
      invitationId: expect.any(String),
      submissionId: expect.any(String),
    })
  })

  test('some messages are private notes for agents and managers', () => {
    const notes = allMessages().filter((m) => m.audience === 'AGENTS_AND_MANAGERS')
    expect(notes.length).toBeGreaterThan(0)
    expect(notes.every((m) => m.sentBy === 'Agent')).toBe(true)
  })

  test('HTML messages contain markup', () => {
    const html = allMessages().filter((m) => m.type === 'TEXT_HTML')
    expect(
      html.some(
        (m) =>
          /<(b|ul|ol|a) /.test(m.messageData.msg.text as string) ||
          /<(b|ul|ol)>/.test(m.messageData.msg.text as string),
      ),
    ).toBe(true)
  })
})

describe('quick replies and choices', () => {
  test('a consumer answers a text quick-reply group with one of its replies', () => {
    let answered = 0
    for (const r of generated) {
      messages(r).forEach((m, i) => {
        if (m.type !== 'TEXT_PLAIN' || !m.messageData.quickReplies) return
        const next = nextConsumerMessage(r, i)
        if (!next) return
        expect(publishTexts(parseContent(m, 'quickReplies'))).toContain(next.messageData.msg.text)
        answered++
      })
    }
    expect(answered).toBeGreaterThan(50)
  })

  test('choice cards are followed by the consumer publishing one of their buttons', () => {
    const chosenIn = new Set<string>()
    for (const r of generated) {
      messages(r).forEach((m, i) => {
        if (m.type !== 'RICH_CONTENT') return
        const content = parseContent(m, 'richContent')
        if (!['carousel', 'carouselSelect', 'accordionSelect'].includes(content.type as string))
          return
        const next = nextConsumerMessage(r, i)
        if (!next) return
        expect(publishTexts(content)).toContain(next.messageData.msg.text)
        chosenIn.add(content.type as string)
      })
    }
    expect(chosenIn).toEqual(new Set(['carousel', 'carouselSelect', 'accordionSelect']))
  })

  test('a checklist submission lists the checked items', () => {
    const r = generated.find((c) =>
      messages(c).some(
        (m) => m.type === 'RICH_CONTENT' && parseContent(m, 'richContent').type === 'list',
      ),
    )
    expect(r).toBeDefined()
    if (!r) return
    const i = messages(r).findIndex(
      (m) => m.type === 'RICH_CONTENT' && parseContent(m, 'richContent').type === 'list',
    )
    const checked: string[] = []
    walk(parseContent(messages(r)[i] as Json, 'richContent'), (n) => {
      if (n.type === 'checked') checked.push(n.publishText as string)
    })
    const answer = nextConsumerMessage(r, i)?.messageData.msg.text as string
    expect(answer.split(', ').every((item) => checked.includes(item))).toBe(true)
  })
})

describe('structured content', () => {
  test('every element type, action type and option appears across the set', () => {
    const types = new Set<string>()
    const actions = new Set<string>()
    const seen = {
      borders: new Set<string>(),
      scroll: false,
      percentages: false,
      noBorderLine: false,
      rtl: false,
      tooltip: false,
      a11y: false,
      style: false,
      subtitle: false,
      classes: new Set<string>(),
      range: false,
    }
    for (const m of allMessages()) {
      if (m.type !== 'RICH_CONTENT') continue
      walk(parseContent(m, 'richContent'), (n) => {
        if (typeof n.type === 'string') types.add(n.type)
        if (n.click) for (const a of n.click.actions as Json[]) actions.add(a.type as string)
        if (typeof n.border === 'string') seen.borders.add(n.border)
        if (n.scroll === 'enable') seen.scroll = true
        if (Array.isArray(n.percentages)) seen.percentages = true
        if (n.type === 'horizontal' && n.borderLine === false) seen.noBorderLine = true
        if (n.rtl === true) seen.rtl = true
        if (typeof n.tooltip === 'string') seen.tooltip = true
        if (n.accessibility?.web) seen.a11y = true
        if (n.style) seen.style = true
        if (typeof n.subtitle === 'string') seen.subtitle = true
        if (n.type === 'button' && typeof n.class === 'string') seen.classes.add(n.class)
      })
    }
    for (const type of [
      'text',
      'button',
      'image',
      'map',
      'linkPreview',
      'template',
      'keyValuePairList',
      'vertical',
      'horizontal',
      'carousel',
      'carouselSelect',
      'accordionSelect',
      'tabs',
      'list',
      'sectionList',
      'section',
      'checklist',
      'checkbox',
      'buttonList',
      'submitButton',
    ]) {
      expect(types, type).toContain(type)
    }
    for (const action of [
      'publishText',
      'link',
      'navigate',
      'addToCart',
      'custom',
      'datePicker',
      'scheduleSlotList',
      'checked',
      'submitAsText',
    ]) {
      expect(actions, action).toContain(action)
    }
    expect(seen.borders).toEqual(new Set(['border', 'borderLess', 'dropShadow']))
    expect(seen.classes).toEqual(new Set(['text', 'button']))
    expect(seen).toMatchObject({
      scroll: true,
      percentages: true,
      noBorderLine: true,
      rtl: true,
      tooltip: true,
      a11y: true,
      style: true,
      subtitle: true,
    })
  })

  test('rich content and quick replies are JSON strings on the wire', () => {
    for (const m of allMessages()) {
      if (m.messageData.richContent) expect(typeof m.messageData.richContent.content).toBe('string')
      if (m.messageData.quickReplies)
        expect(typeof m.messageData.quickReplies.content).toBe('string')
    }
  })

  test('demo images resolve to files in public/demo, which stay small', () => {
    const dir = join(process.cwd(), 'public', 'demo')
    const paths = new Set(JSON.stringify(generated).match(/\/demo\/[a-z0-9-]+\.(svg|png|pdf|txt)/g))
    expect(paths.size).toBeGreaterThan(10)
    for (const path of paths)
      expect(existsSync(join(dir, path.slice('/demo/'.length))), path).toBe(true)
    const total = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0)
    expect(total).toBeLessThan(200_000)
  })
})

describe('engagement attributes', () => {
  const TYPES = {
    CUSTOMER_INFO: ['customerInfo', true],
    PERSONAL_INFO: ['personalInfo', true],
    CART_STATUS: ['cartStatus', false],
    PURCHASE: ['purchase', false],
    MARKETING_CAMPAIGN_INFO: ['marketingCampaignInfo', true],
    SEARCH_CONTENT: ['searchContent', false],
    VIEWED_PRODUCT: ['viewedProduct', false],
    VISITOR_ERROR: ['visitorError', true],
    LEAD: ['lead', true],
    SERVICE_ACTIVITY: ['serviceActivity', true],
  } as const

  test('all ten types appear, authenticated and not, with the documented nesting', () => {
    const auth = generated.flatMap((r) => r.sdes.events as Json[])
    const unauth = generated.flatMap((r) => r.unAuthSdes.events as Json[])
    for (const [type, [key, double]] of Object.entries(TYPES)) {
      const a = auth.filter((e) => e.sdeType === type)
      const u = unauth.filter((e) => e.sdeType === type)
      expect(a.length, `sdes ${type}`).toBeGreaterThan(0)
      expect(u.length, `unAuthSdes ${type}`).toBeGreaterThan(0)
      for (const e of [...a, ...u]) {
        expect(typeof e.serverTimeStamp).toBe('string')
        expect(e[key]).toBeTypeOf('object')
        expect(e[key][key] !== undefined).toBe(double)
      }
      for (const e of u) expect(e.isAuthenticated).toBe(false)
      for (const e of a) expect(e.isAuthenticated).toBeUndefined()
    }
  })

  test('numbers come both typed and as strings', () => {
    const totals = generated
      .flatMap((r) => [...(r.sdes.events as Json[]), ...(r.unAuthSdes.events as Json[])])
      .filter((e) => e.sdeType === 'PURCHASE')
      .map((e) => typeof e.purchase.total)
    expect(new Set(totals)).toEqual(new Set(['number', 'string']))
  })
})

describe('people, routing and outcomes', () => {
  test('a roster of human agents and bots, skills and groups', () => {
    const agents = new Map<string, Json>()
    for (const r of generated)
      for (const a of r.agentParticipants as Json[]) agents.set(a.agentId as string, a)
    const humans = [...agents.values()].filter((a) => a.userTypeName === 'Human')
    const bots = [...agents.values()].filter((a) => a.userTypeName === 'Bot')
    expect(humans.length).toBeGreaterThanOrEqual(20)
    expect(bots.length).toBeGreaterThanOrEqual(3)
    expect(bots.every((b) => b.userType === '2')).toBe(true)
    expect(new Set(humans.map((a) => a.agentGroupName)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(generated.map((r) => r.info.latestSkillName)).size).toBeGreaterThanOrEqual(9)
    expect(new Set(generated.map((r) => r.info.source))).toEqual(
      new Set(['APP', 'SHARK', 'SMS', 'FACEBOOK', 'WhatsApp Business', 'Apple Business Chat']),
    )
    expect(new Set(generated.map((r) => r.info.device))).toEqual(
      new Set(['DESKTOP', 'TABLET', 'MOBILE', 'NA']),
    )
  })

  test('every documented transfer reason occurs, with skill changes', () => {
    const reasons = new Set(
      generated.flatMap((r) => (r.transfers as Json[]).map((t) => t.reason as string)),
    )
    expect(reasons).toEqual(
      new Set(['back2Q', 'Agent', 'SuggestedAgentTimeout', 'Skill', 'TakeOver']),
    )
    const changes = generated.flatMap((r) => r.skillChanges as Json[])
    expect(new Set(changes.map((c) => c.reason as string))).toEqual(
      new Set(['ROUTING', 'TRANSFER', 'FALLBACK_SKILL']),
    )
  })

  test('info.csat matches the CSAT answer, and the MCS matches the last message score', () => {
    let surveyed = 0
    for (const r of generated) {
      const csat = (r.conversationSurveys as Json[])
        .flatMap((s) => s.surveyData as Json[])
        .find((q) => q.questionType === 'csat')
      if (csat) {
        surveyed++
        expect(r.info.csat).toBe(Number(csat.answer))
        expect((r.dialogs as Json[]).map((d) => d.dialogType)).toEqual(['MAIN', 'POST_SURVEY'])
      } else {
        expect(r.info.csat).toBeUndefined()
      }
      const scores = r.messageScores as Json[]
      const last = scores[scores.length - 1]
      if (!last) continue
      expect(r.info.mcs).toBe(last.mcs)
      const expected = last.mcs >= 67 ? 1 : last.mcs <= 33 ? -1 : 0
      expect(r.info.alertedMCS).toBe(expected)
    }
    expect(surveyed).toBeGreaterThan(30)
    expect(new Set(generated.map((r) => r.info.alertedMCS))).toEqual(new Set([-1, 0, 1]))
  })

  test('most messages are accepted and read', () => {
    const all = generated.flatMap((r) => r.messageStatuses as Json[])
    const read = all.filter((s) => s.messageDeliveryStatus === 'READ').length
    const accepted = all.filter((s) => s.messageDeliveryStatus === 'ACCEPT').length
    expect(accepted).toBeGreaterThan(allMessages().length * 0.8)
    expect(read).toBeGreaterThan(accepted * 0.6)
  })

  test('bots report intents, and intents feed uniqueIntents and the first intent', () => {
    const botMessage = allMessages().find(
      (m) => m.contextData?.structuredMetadata?.[0]?.botResponse,
    )
    const response = botMessage?.contextData.structuredMetadata[0].botResponse
    expect(response.intents[0]).toMatchObject({
      id: expect.any(String),
      confidence: expect.stringMatching(/^(LOW|MEDIUM|HIGH)$/),
      confidenceScore: expect.any(Number),
    })
    expect(JSON.parse(botMessage?.contextData.rawMetadata as string)[0].type).toBe('BotResponse')
    const withIntents = generated.filter((r) => (r.intents as Json[]).length > 0)
    expect(withIntents.length).toBeGreaterThan(50)
    for (const r of withIntents) {
      expect(r.info.firstIntentName).toBe(r.intents[0].selectedClassification.intentName)
      expect(r.uniqueIntents.map((u: Json) => u.intentName)).toContain(r.info.firstIntentName)
    }
  })

  test('agent surveys, summaries and co-browse sessions appear', () => {
    const latest = generated.filter((r) => r.latestAgentSurvey)
    expect(latest.some((r) => r.latestAgentSurvey.submittedAnswers.length > 0)).toBe(true)
    expect(generated.some((r) => (r.previouslySubmittedAgentSurveys as Json[]).length > 0)).toBe(
      true,
    )
    expect(generated.filter((r) => r.summary?.text).length).toBeGreaterThan(100)
    const sessions = generated.flatMap((r) => r.coBrowseSessions.coBrowseSessionsList as Json[])
    expect(new Set(sessions.map((s) => s.type))).toEqual(new Set(['web', 'inApp']))
    expect(new Set(sessions.map((s) => s.interactive))).toEqual(new Set([true, false]))
  })

  test('text fits the topic, so keyword search finds sensible conversations', () => {
    const refund = generated.filter((r) =>
      messages(r).some((m) => /\brefund\b/i.test(m.messageData.msg?.text ?? '')),
    )
    expect(refund.length).toBeGreaterThan(20)
    const skills = new Set(refund.map((r) => r.info.latestSkillName as string))
    expect([...skills].some((s) => ['Billing', 'Returns', 'Order Status'].includes(s))).toBe(true)
    const router = generated.filter((r) =>
      messages(r).some((m) => /router/i.test(m.messageData.msg?.text ?? '')),
    )
    expect(router.some((r) => r.info.latestSkillName === 'Tech Support')).toBe(true)
  })
})

describe('long conversations', () => {
  test('three with over 2,000 messages (one around 3,000) when count ≥ 200', () => {
    const lengths = generated.map((r) => messages(r).length).filter((n) => n > 2000)
    expect(lengths).toHaveLength(3)
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(2900)
    const normal = generated.map((r) => messages(r).length).filter((n) => n <= 2000)
    const mean = normal.reduce((a, b) => a + b, 0) / normal.length
    expect(mean).toBeGreaterThan(15)
    expect(mean).toBeLessThan(25)
  })

  test('one when 20 ≤ count < 200, none below 20', () => {
    const long = (count: number) =>
      generateDemoConversations({ count, now: NOW }).filter((r) => messages(r).length > 2000).length
    expect(long(20)).toBe(1)
    expect(long(19)).toBe(0)
  })
})

describe('hostile samples', () => {
  test('script tags, event handlers, javascript: links and a 50,000+ character attribute', () => {
    const texts = allMessages().map((m) => m.messageData.msg?.text as string | undefined)
    expect(texts.some((t) => t?.includes('<script>alert(1)</script>'))).toBe(true)
    expect(
      allMessages().some(
        (m) =>
          m.type === 'TEXT_HTML' &&
          (m.messageData.msg.text as string).includes('<img src=x onerror=alert(1)>'),
      ),
    ).toBe(true)
    const links: string[] = []
    for (const m of allMessages()) {
      if (m.type !== 'RICH_CONTENT') continue
      walk(parseContent(m, 'richContent'), (n) => {
        if (n.type === 'link') links.push(n.uri as string)
      })
    }
    expect(links).toContain('javascript:alert(1)')
    const sdeJson = generated.map((r) => JSON.stringify([r.sdes, r.unAuthSdes]))
    expect(sdeJson.some((s) => s.includes('<script>'))).toBe(true)
    const longest = Math.max(
      ...generated
        .flatMap((r) => [...(r.sdes.events as Json[]), ...(r.unAuthSdes.events as Json[])])
        .map((e) => (e.visitorError?.visitorError?.message as string | undefined)?.length ?? 0),
    )
    expect(longest).toBeGreaterThanOrEqual(50_000)
  })
})

describe('the record parser', () => {
  test('parses every generated record with no warnings', () => {
    for (const r of records) {
      const result = parseConversationRecord(r)
      expect(result.ok).toBe(true)
      if (result.ok) expect(result.warnings, r.info.conversationId as string).toEqual([])
    }
  })
})
