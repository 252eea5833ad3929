import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { importAndWait } from '../server/import-client'
import { launchBrowser, startServer, type RunningServer, waitForInteractive } from './support'

/**
 * Hostile input, end to end (issue 11): a record whose every user-controlled field carries an
 * XSS payload or a remote resource URL is imported into the real server (`npm start`) and read
 * in Debian Chromium, on the search page and on the detail page with every panel open and every
 * collapsed part expanded. No script runs, no dialog opens, the payloads read as text, and no
 * request leaves for another host.
 */

let server: RunningServer
let browser: Browser

const ID = 'xss-corpus-0001'
const SCRIPT = '<script>window.__xss=1</script>'

/** Markup that runs script (or loads from elsewhere) if it ever reaches the DOM as HTML. */
const MARKUP = [
  SCRIPT,
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">x</a>',
  '<div style="background:url(http://evil.example/)">css</div>',
  '<form action="http://evil.example/"><button formaction="javascript:window.__xss=1">go</button></form>',
  '<object data="data:text/html,<script>window.__xss=1</script>"></object>',
  '<link rel=stylesheet href="https://tracker.invalid/x.css">',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  "'-alert(1)-'",
  '{{constructor.constructor("window.__xss=1")()}}',
]

/** URLs a link or an image must never load from (or run). */
const URLS = [
  'javascript:window.__xss=1',
  ' JaVaScRiPt:window.__xss=1',
  'java\tscript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'vbscript:window.__xss=1',
  'http://evil.example/p.png',
  'https://tracker.invalid/x.gif',
  '//evil.example/p.png',
]

/** A field's text: its name (to find it) and every markup payload. */
const x = (field: string) => `${field} ${MARKUP.join(' ')}`
const url = (i: number) => URLS[i % URLS.length] ?? URLS[0]

const T0 = Date.now() - 3_600_000
const at = (s: number) => T0 + s * 1000
const lpTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '+0000')

function structuredContent(): unknown {
  const button = (i: number) => ({
    type: 'button',
    title: x(`button${String(i)}`),
    tooltip: x('button tooltip'),
    click: {
      actions: [
        { type: 'link', name: x('link action'), uri: url(i) },
        { type: 'navigate', name: x('navigate'), la: 40.7, lo: -73.9 },
        { type: 'publishText', text: x('publishText') },
      ],
      metadata: [{ type: 'ExternalId', id: x('metadata') }],
    },
  })
  const card = (i: number) => ({
    type: 'vertical',
    elements: [
      {
        type: 'image',
        url: url(i),
        caption: x(`image caption ${String(i)}`),
        tooltip: x('image tooltip'),
        alt: x('image alt'),
      },
      {
        type: 'text',
        text: x(`card text ${String(i)}`),
        style: { color: 'url(http://evil.example/)' },
      },
      button(i),
    ],
  })
  return {
    type: 'vertical',
    tooltip: x('root tooltip'),
    elements: [
      {
        type: 'text',
        text: x('rich text'),
        tooltip: x('text tooltip'),
        style: { 'background-color': 'url(https://tracker.invalid/x.gif)' },
      },
      { type: 'linkPreview', url: url(5), title: x('link preview') },
      { type: 'linkPreview', url: url(0), title: x('js link preview') },
      { type: 'map', la: 40.7, lo: -73.9, tooltip: x('map') },
      { type: 'carousel', padding: 10, elements: URLS.map((_, i) => card(i)) },
      {
        type: 'tabs',
        elements: [
          {
            type: 'vertical',
            tag: x('tab one'),
            elements: [{ type: 'text', text: x('tab one text') }],
          },
          {
            type: 'vertical',
            tag: x('tab two'),
            elements: [{ type: 'text', text: x('tab two text') }],
          },
        ],
      },
      {
        type: 'list',
        elements: [
          { type: 'text', text: x('list item') },
          { type: 'keyValuePairList', elements: [{ key: x('kv key'), value: x('kv value') }] },
        ],
      },
      { type: 'checkbox', text: x('checkbox') },
      { type: 'submitButton', title: x('submit') },
      { type: 'template', templateType: 'quickReply', title: x('template'), resp: [x('resp')] },
      {
        type: 'accordionSelect',
        titles: [{ name: x('accordion'), additional: x('accordion more') }],
        elements: [{ type: 'vertical', elements: [{ type: 'text', text: x('accordion text') }] }],
      },
    ],
  }
}

const quickReplies = {
  type: 'quickReplies',
  itemsPerRow: 8,
  replies: [0, 1, 2].map((i) => ({
    type: 'button',
    title: x(`quick reply ${String(i)}`),
    tooltip: x('quick reply tooltip'),
    click: {
      actions: [
        { type: 'link', uri: url(i) },
        { type: 'publishText', text: x('qr text') },
      ],
    },
  })),
}

const HTML_MESSAGE = `<p>html ${MARKUP.join(' ')}<img src="http://evil.example/p.png"><img src="https://tracker.invalid/x.gif"><a href="https://tracker.invalid/">link</a><base href="http://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:window.__xss=1"><style>body{background:url(http://evil.example/)}</style><video poster="http://evil.example/p.png"></video><math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1"></style></mglyph></table></mtext></math></p>`

function message(
  seq: number,
  sentBy: 'Consumer' | 'Agent',
  messageData: unknown,
  type = 'TEXT_PLAIN',
) {
  return {
    type,
    messageData,
    messageId: `ms::conv:${ID}::msg:${String(seq)}`,
    seq,
    dialogId: ID,
    participantId: sentBy === 'Consumer' ? 'consumer-1' : 'agent-1',
    source: 'WEB',
    time: lpTime(at(seq * 10)),
    timeL: at(seq * 10),
    sentBy,
    audience: 'ALL',
    contextData: {
      rawMetadata: JSON.stringify([{ type: 'BotResponse', intents: [{ id: x('intent') }] }]),
    },
  }
}

function sde(sdeType: string, key: string, payload: Record<string, unknown>, double: boolean) {
  return {
    sdeType,
    serverTimeStamp: String(at(5)),
    [key]: double
      ? { serverTimeStamp: String(at(5)), originalTimeStamp: String(at(5)), [key]: payload }
      : { serverTimeStamp: String(at(5)), originalTimeStamp: String(at(5)), ...payload },
  }
}

const product = (i: number) => ({
  quantity: '1',
  product: {
    name: x(`product ${String(i)}`),
    category: x('category'),
    sku: x('sku'),
    price: '7.8',
    imageURL: url(i),
    productURL: url(i + 1),
  },
})

function hostileRecord(): Record<string, unknown> {
  const agent = {
    agentFullName: x('agent full name'),
    agentNickname: x('agent nickname'),
    agentLoginName: x('agent login'),
    agentId: 'agent-1',
    agentPid: x('agent pid'),
    userType: '1',
    userTypeName: x('user type'),
    role: 'ASSIGNED_AGENT',
    agentGroupName: x('agent group'),
    agentGroupId: 3,
    time: lpTime(at(1)),
    timeL: at(1),
    permission: 'ASSIGNED_AGENT',
    pictureURL: url(5),
    contextData: { rawMetadata: x('agent metadata') },
  }
  return {
    info: {
      conversationId: ID,
      brandId: x('brand'),
      status: 'CLOSE',
      startTime: lpTime(T0),
      startTimeL: T0,
      endTime: lpTime(at(600)),
      endTimeL: at(600),
      duration: 600_000,
      closeReason: x('close reason'),
      closeReasonDescription: x('close description'),
      source: x('source'),
      device: x('device'),
      browser: x('browser'),
      browserVersion: x('browser version'),
      operatingSystem: x('os'),
      latestAgentId: 'agent-1',
      latestAgentFullName: x('latest agent'),
      latestAgentNickname: x('latest nickname'),
      latestAgentLoginName: x('latest login'),
      latestSkillId: 12,
      latestSkillName: x('latest skill'),
      latestAgentGroupId: 3,
      latestAgentGroupName: x('latest group'),
      latestQueueState: x('queue state'),
      mcs: 50,
      firstIntentLabel: x('first intent'),
      fullDialogStatus: x('dialog status'),
    },
    campaign: {
      campaignEngagementId: x('engagement id'),
      campaignEngagementName: x('engagement name'),
      campaignId: x('campaign id'),
      campaignName: x('campaign name'),
      goalId: x('goal id'),
      goalName: x('goal name'),
      engagementAgentNote: x('agent note'),
      engagementSource: x('engagement source'),
      visitorBehaviorName: x('behavior'),
      engagementApplicationName: x('application'),
      engagementApplicationTypeName: x('application type'),
      visitorProfileName: x('profile'),
      lobName: x('lob'),
      locationName: x('location'),
    },
    monitoring: { country: x('country'), ipAddress: x('ip'), browser: x('monitoring browser') },
    messageRecords: [
      message(0, 'Consumer', { msg: { text: x('consumer says') } }),
      message(1, 'Agent', { msg: { text: HTML_MESSAGE } }, 'TEXT_HTML'),
      message(
        2,
        'Agent',
        { richContent: { content: JSON.stringify(structuredContent()) } },
        'RICH_CONTENT',
      ),
      message(3, 'Agent', {
        msg: { text: x('pick one') },
        quickReplies: { content: JSON.stringify(quickReplies) },
      }),
      message(
        4,
        'Consumer',
        {
          file: { relativePath: url(5), fileType: 'PNG', caption: x('file caption') },
        },
        'HOSTED_FILE',
      ),
      message(
        5,
        'Consumer',
        {
          file: {
            relativePath: 'javascript:window.__xss=1',
            fileType: x('file type'),
            caption: x('js file'),
          },
        },
        'HOSTED_FILE',
      ),
      message(6, 'Agent', {
        linkPreview: {
          url: url(6),
          title: x('link title'),
          description: x('link description'),
          imageURL: url(5),
        },
      }),
      message(7, 'Agent', {
        link: { externalFileLink: url(0), caption: x('js link'), imageURL: url(7) },
      }),
      message(
        8,
        'Consumer',
        {
          secureForm: {
            formId: x('form id'),
            formName: x('form name'),
            submissionId: x('submission'),
          },
        },
        'SECURE_FORM',
      ),
      message(9, 'Consumer', { msg: { text: `${'long '.repeat(2000)}${x('long tail')}` } }),
    ],
    agentParticipants: [agent],
    consumerParticipant: [
      {
        participantId: 'consumer-1',
        firstName: x('first name'),
        lastName: x('last name'),
        consumerName: x('consumer name'),
        token: x('token'),
        email: x('email'),
        phone: x('phone'),
        avatarURL: url(6),
        time: lpTime(T0),
        timeL: T0,
        joinTime: lpTime(T0),
        joinTimeL: T0,
        dialogId: ID,
      },
    ],
    transfers: [
      {
        timeL: at(30),
        time: lpTime(at(30)),
        assignedAgentId: 'agent-1',
        targetSkillId: 2,
        targetSkillName: x('target skill'),
        reason: x('transfer reason'),
        by: x('by'),
        sourceSkillId: 1,
        sourceSkillName: x('source skill'),
        sourceAgentId: 'agent-1',
        sourceAgentFullName: x('source agent'),
        sourceAgentLoginName: x('source login'),
        sourceAgentNickname: x('source nickname'),
      },
    ],
    interactions: [
      {
        assignedAgentId: 'agent-1',
        assignedAgentFullName: x('interaction agent'),
        assignedAgentLoginName: x('interaction login'),
        assignedAgentNickname: x('interaction nickname'),
        interactionTimeL: at(2),
        interactionTime: lpTime(at(2)),
        interactiveSequence: 1,
      },
    ],
    messageScore: [
      { messageId: `ms::conv:${ID}::msg:0`, messageRawScore: 0, mcs: 0, timeL: at(1) },
    ],
    messageStatuses: [
      {
        messageId: `ms::conv:${ID}::msg:0`,
        seq: 0,
        timeL: at(3),
        participantId: 'agent-1',
        participantType: 'Agent',
        messageDeliveryStatus: x('delivery'),
      },
    ],
    conversationSurveys: [
      {
        surveyType: x('survey type'),
        surveyStatus: x('survey status'),
        surveyData: [
          { question: x('survey question'), answer: x('survey answer'), questionId: x('qid') },
        ],
      },
    ],
    latestAgentSurvey: {
      surveyId: x('agent survey'),
      agentId: 'agent-1',
      surveyData: [{ question: x('agent survey question'), answer: x('agent survey answer') }],
    },
    coBrowseSessions: {
      coBrowseSessionsList: [
        {
          sessionId: x('cobrowse session'),
          startTimeL: at(40),
          endTimeL: at(50),
          endReason: x('cobrowse end'),
          type: x('cobrowse type'),
          agentId: 'agent-1',
          capabilities: [x('capability')],
        },
      ],
    },
    summary: { text: x('summary'), lastUpdatedTime: at(600) },
    dialogs: [
      {
        dialogId: ID,
        status: 'CLOSE',
        dialogType: 'MAIN',
        startTimeL: T0,
        endTimeL: at(600),
        skillName: x('dialog skill'),
        closeReason: x('dialog close'),
        metaData: { channel: x('channel'), deviceModel: x('device model') },
      },
    ],
    intents: [
      {
        messageId: `ms::conv:${ID}::msg:0`,
        selectedClassification: {
          intentName: x('intent name'),
          intentLabel: x('intent label'),
          confidenceScore: 0.9,
        },
      },
    ],
    skillChanges: [
      {
        timeL: at(20),
        fromSkillName: x('from skill'),
        toSkillName: x('to skill'),
        reason: x('skill change'),
      },
    ],
    sdes: {
      events: [
        sde(
          'CUSTOMER_INFO',
          'customerInfo',
          {
            customerId: x('customer id'),
            customerStatus: x('customer status'),
            customerType: x('customer type'),
            balance: '-400.99',
            currency: x('currency'),
            socialId: x('social id'),
            imei: x('imei'),
            userName: x('user name'),
            accountName: x('account name'),
            role: x('role'),
            companyBranch: x('branch'),
            storeNumber: x('store'),
            storeZipCode: x('zip'),
            companySize: '2222',
            unknownField: x('unknown sde field'),
          },
          true,
        ),
        sde(
          'PERSONAL_INFO',
          'personalInfo',
          {
            name: x('personal name'),
            surname: x('surname'),
            gender: x('gender'),
            company: x('company'),
            language: x('language'),
            contacts: [
              {
                personalContact: {
                  email: x('contact email'),
                  phone: x('contact phone'),
                  phoneType: x('phone type'),
                  address: {
                    country: x('address country'),
                    region: x('region'),
                    zipCode: x('zip code'),
                  },
                },
              },
            ],
          },
          true,
        ),
        sde(
          'MARKETING_CAMPAIGN_INFO',
          'marketingCampaignInfo',
          {
            originatingChannel: '1',
            affiliate: x('affiliate'),
            campaignId: x('marketing campaign'),
          },
          true,
        ),
        sde(
          'LEAD',
          'lead',
          { topic: x('lead topic'), value: '22.2', currency: 'USD', leadId: x('lead id') },
          true,
        ),
        sde(
          'SERVICE_ACTIVITY',
          'serviceActivity',
          {
            topic: x('service topic'),
            status: '0',
            category: x('service category'),
            serviceId: x('service id'),
          },
          true,
        ),
        sde(
          'VISITOR_ERROR',
          'visitorError',
          {
            contextId: x('error context'),
            message: x('error message'),
            code: x('error code'),
            level: '1',
          },
          true,
        ),
      ],
    },
    unAuthSdes: {
      events: [
        sde(
          'CART_STATUS',
          'cartStatus',
          { total: '11.7', currency: 'USD', numItems: '2', products: [product(0), product(5)] },
          false,
        ),
        sde(
          'VIEWED_PRODUCT',
          'viewedProduct',
          { currency: 'USD', products: [product(6), product(1)] },
          false,
        ),
        sde('SEARCH_CONTENT', 'searchContent', { keywords: [x('keyword'), SCRIPT] }, false),
        sde(
          'PURCHASE',
          'purchase',
          {
            total: '78',
            currency: 'USD',
            orderId: x('order id'),
            cart: { total: '78', numItems: '1', products: [product(7)] },
          },
          false,
        ),
      ],
    },
  }
}

beforeAll(async () => {
  server = await startServer({ demoConversations: 3 })
  browser = await launchBrowser()
  const answer = await importAndWait(
    server.url,
    JSON.stringify({ conversationHistoryRecords: [hostileRecord()] }),
    {
      fileName: 'xss-corpus.json',
    },
  )
  expect(answer.status).toBe(202)
  expect(answer.job?.status).toBe('done')
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

interface Watch {
  page: Page
  dialogs: string[]
  errors: string[]
  requests: string[]
  csp: string[]
}

async function open(path: string): Promise<Watch> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  const watch: Watch = { page, dialogs: [], errors: [], requests: [], csp: [] }
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('pageerror', (error) => watch.errors.push(error.message))
  page.on('request', (request) => watch.requests.push(request.url()))
  page.on('console', (entry) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(entry.text()))
      watch.csp.push(entry.text())
  })
  await page.goto(`${server.url}${path}`)
  await waitForInteractive(page)
  return watch
}

/** Requests that left for another origin (data: and blob: URLs stay in the page). */
function foreign(watch: Watch): string[] {
  const origin = new URL(server.url).origin
  return watch.requests.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false
    return new URL(u).origin !== origin
  })
}

async function expectInert(watch: Watch, where: string) {
  const { page } = watch
  // give any injected handler, timer or lazy load its chance to fire
  await page.waitForTimeout(500)
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
    where,
  ).toBeUndefined()
  expect(watch.dialogs, where).toEqual([])
  const dangerous = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll('body *'))
    return {
      scripts: document.querySelectorAll(
        'main script, main iframe, main object, main embed, main base, main form[action], main meta',
      ).length,
      handlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on')))
        .length,
      jsUrls: all.filter((el) =>
        ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href'].some((name) =>
          /^\s*(javascript|vbscript|data:text\/html)/i.test(
            (el.getAttribute(name) ?? '').replace(/[\t\n\r]/g, ''),
          ),
        ),
      ).length,
    }
  })
  expect(dangerous, where).toEqual({ scripts: 0, handlers: 0, jsUrls: 0 })
  if (watch.csp.length > 0) console.log(`CSP reports on ${where}:\n  ${watch.csp.join('\n  ')}`)
  expect(foreign(watch), `requests to another host from ${where}`).toEqual([])
}

/** Clicks every collapsed thing on the page (never a "Load images from …" consent), until none is left. */
async function expandAll(page: Page) {
  for (let round = 0; round < 8; round++) {
    const closed = page.locator(
      'main button[aria-expanded="false"]:not([aria-haspopup]), main details:not([open]) > summary',
    )
    const count = await closed.count()
    if (count === 0) return
    let clicked = 0
    for (let i = 0; i < count; i++) {
      const item = closed.nth(i)
      const label = (await item.textContent()) ?? ''
      if (/Load images/i.test(label) || !(await item.isVisible())) continue
      await item.click()
      clicked += 1
      break // the list changes with each click
    }
    if (clicked === 0) return
  }
}

/** Scrolls the (virtualised) transcript down until `text` is on screen, then waits for it. */
async function scrollTo(page: Page, text: string) {
  const target = page.getByRole('main').getByText(text, { exact: false }).first()
  await page.evaluate(() => window.scrollTo(0, 0))
  for (let step = 0; step < 80; step++) {
    if (await target.isVisible()) return
    await page.mouse.wheel(0, 500)
    await page.waitForTimeout(100)
  }
  await target.waitFor({ timeout: 5_000 })
}

test('the search page lists the hostile conversation with its payloads as text', async () => {
  const watch = await open('/conversations')
  const { page } = watch
  const row = page.getByRole('row').filter({ hasText: `first name ${SCRIPT}` })
  await row.first().waitFor({ timeout: 30_000 })
  expect(await row.first().textContent()).toContain(SCRIPT)
  await expectInert(watch, 'the search page')
  await page.close()
})

test('the detail page, every panel open and everything expanded, runs no payload and loads nothing from elsewhere', async () => {
  const watch = await open(`/conversations/${ID}`)
  const { page } = watch
  await page
    .getByRole('heading', { level: 1, name: `Conversation ${ID}` })
    .waitFor({ timeout: 30_000 })

  // The payloads read as text where a person wrote them (each message expanded on the way).
  await page.getByRole('list', { name: 'Transcript items' }).waitFor()
  for (const text of [
    `consumer says ${SCRIPT}`,
    `rich text ${SCRIPT}`,
    `tab one text ${SCRIPT}`,
    `quick reply 0 ${SCRIPT}`,
    `file caption ${SCRIPT}`,
    `link title ${SCRIPT}`,
    `long tail ${SCRIPT}`,
  ]) {
    await scrollTo(page, text)
    await expandAll(page)
  }
  // The HTML message shows its text, its markup gone.
  await scrollTo(page, 'html ')
  const transcript = page.getByRole('list', { name: 'Transcript items' })
  for (const tab of await transcript.getByRole('tab').all())
    if (await tab.isVisible()) await tab.click()
  await expandAll(page)
  await expectInert(watch, 'the transcript')

  const panels: [RegExp, string][] = [
    [/^Participants/, `agent full name ${SCRIPT}`],
    [/^Transfers/, `target skill ${SCRIPT}`],
    [/^Co-browse sessions/, `cobrowse type ${SCRIPT}`],
    [/^Surveys/, `survey question ${SCRIPT}`],
    [/^Summary/, `summary ${SCRIPT}`],
    [/^Engagement attributes/, `personal name ${SCRIPT}`],
  ]
  for (const [name, text] of panels) {
    await page.getByRole('tab', { name }).click()
    const panel = page.getByRole('tabpanel')
    await expandAll(page)
    await panel.getByText(text, { exact: false }).first().waitFor()
    await expectInert(watch, `the ${name.source} panel`)
  }
  expect(watch.errors).toEqual([])
  await page.close()
})

test('the HTML the server renders, with JavaScript off: every payload is text, nothing loads from elsewhere', async () => {
  for (const path of ['/conversations', `/conversations/${ID}`]) {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      javaScriptEnabled: false,
    })
    const page = await context.newPage()
    const watch: Watch = { page, dialogs: [], errors: [], requests: [], csp: [] }
    page.on('request', (request) => watch.requests.push(request.url()))
    const response = await page.goto(`${server.url}${path}`)
    const html = (await response?.text()) ?? ''
    // The server's own HTML: no payload became markup (each `<` of the transcript is `&lt;`, or
    // `\u003c` in the page's data), and no attribute carries one.
    expect(html).not.toContain('window.__xss=1</script>')
    expect(html).not.toMatch(/<(img|svg|iframe|object|form|link)\b[^>]*(evil|tracker|__xss)/i)
    expect(html).not.toMatch(/\son[a-z]+="[^"]*__xss/i)
    const data = /<script type="application\/json" id="cv-ssr">([\s\S]*?)<\/script>/.exec(html)
    expect(data?.[1]).toBeDefined()
    expect(data?.[1]).not.toContain('<')
    // What a reader sees is the payloads as text.
    const shown = await page.getByRole('main').textContent()
    expect(shown).toContain(SCRIPT)
    await expectInert(watch, `${path} with JavaScript off`)
    await context.close()
  }
})
