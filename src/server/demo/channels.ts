import type { Place } from '@/server/demo/catalog'
import type { Rng } from '@/server/demo/prng'

/** `info.source` values, spelled as the API documents them. */
export type ChannelSource =
  'APP' | 'SHARK' | 'SMS' | 'FACEBOOK' | 'WhatsApp Business' | 'Apple Business Chat'

export const CHANNELS: readonly ChannelSource[] = [
  'SHARK',
  'APP',
  'SMS',
  'FACEBOOK',
  'WhatsApp Business',
  'Apple Business Chat',
]
export const CHANNEL_WEIGHTS: readonly number[] = [40, 24, 10, 8, 12, 6]

/** Channels where the consumer replies when it suits them (minutes to hours between messages). */
export function isAsyncChannel(source: ChannelSource): boolean {
  return source !== 'SHARK' && source !== 'APP'
}

export function supportsRichContent(source: ChannelSource): boolean {
  return source !== 'SMS'
}

export interface ClientProfile {
  device: 'DESKTOP' | 'TABLET' | 'MOBILE' | 'NA'
  deviceModel?: string
  browser: string
  browserVersion?: string
  operatingSystem: string
  operatingSystemVersion?: string
  integration: string
  integrationVersion: string
  appId: string
  appVersion?: string
  features: string[]
  /** `monitoring.browser`, e.g. "Chrome 131.0.6778.86". */
  monitoringBrowser: string
}

const WEB_BROWSERS = [
  { browser: 'Chrome', versions: ['131.0.6778.86', '130.0.6723.117', '129.0.6668.101'] },
  { browser: 'Safari', versions: ['18.1', '17.6', '18.0.1'] },
  { browser: 'Firefox', versions: ['132.0.2', '131.0.3'] },
  { browser: 'Edge', versions: ['131.0.2903.51', '130.0.2849.80'] },
] as const

const DESKTOP_OS = [
  { os: 'WINDOWS', versions: ['10', '11'] },
  { os: 'MAC_OSX', versions: ['14.6', '15.1', '13.7'] },
  { os: 'LINUX', versions: ['Ubuntu 24.04', 'Fedora 41'] },
] as const

const IOS_MODELS = ['iPhone15,2', 'iPhone16,1', 'iPhone14,5', 'iPhone17,3']
const IPAD_MODELS = ['iPad13,4', 'iPad14,1']
const ANDROID_MODELS = ['SM-S918B', 'Pixel 8', 'Pixel 7a', 'SM-A546E', 'moto g 5G']

function webFeatures(): string[] {
  return [
    'PHOTO_SHARING',
    'QUICK_REPLIES',
    'RICH_CONTENT',
    'SECURE_FORMS',
    'AUTO_MESSAGES',
    'MULTI_DIALOG',
  ]
}

export function pickClientProfile(rng: Rng, source: ChannelSource): ClientProfile {
  switch (source) {
    case 'SHARK': {
      const kind = rng.weighted(['DESKTOP', 'MOBILE', 'TABLET'] as const, [62, 30, 8])
      const b = rng.pick(WEB_BROWSERS)
      const version = rng.pick(b.versions)
      let operatingSystem: string
      let operatingSystemVersion: string
      if (kind === 'DESKTOP') {
        const os = rng.pick(DESKTOP_OS)
        operatingSystem = os.os
        operatingSystemVersion = rng.pick(os.versions)
      } else if (rng.chance(0.55)) {
        operatingSystem = 'IOS'
        operatingSystemVersion = rng.pick(['18.1', '17.6.1', '18.0'])
      } else {
        operatingSystem = 'ANDROID'
        operatingSystemVersion = rng.pick(['15', '14', '13'])
      }
      return {
        device: kind,
        browser: b.browser,
        browserVersion: version,
        operatingSystem,
        operatingSystemVersion,
        integration: 'web-sdk',
        integrationVersion: rng.pick(['3.0.41', '3.0.43', '3.1.2']),
        appId: 'webAsync',
        features: webFeatures(),
        monitoringBrowser: `${b.browser} ${version}`,
      }
    }
    case 'APP': {
      const ios = rng.chance(0.58)
      const tablet = rng.chance(0.12)
      const model = ios ? rng.pick(tablet ? IPAD_MODELS : IOS_MODELS) : rng.pick(ANDROID_MODELS)
      const appVersion = rng.pick(['5.12.3', '5.12.1', '5.11.0'])
      return {
        device: tablet && ios ? 'TABLET' : 'MOBILE',
        deviceModel: model,
        browser: 'Acme Connect',
        browserVersion: appVersion,
        operatingSystem: ios ? 'IOS' : 'ANDROID',
        operatingSystemVersion: ios ? rng.pick(['18.1', '17.6.1']) : rng.pick(['15', '14']),
        integration: 'mobile-sdk',
        integrationVersion: rng.pick(['6.21.0', '6.20.2']),
        appId: 'com.acme.connect',
        appVersion,
        features: [
          'PHOTO_SHARING',
          'QUICK_REPLIES',
          'RICH_CONTENT',
          'SECURE_FORMS',
          'CO_APP',
          'AUTO_MESSAGES',
        ],
        monitoringBrowser: `Acme Connect ${appVersion}`,
      }
    }
    case 'SMS':
      return {
        device: rng.chance(0.7) ? 'NA' : 'MOBILE',
        browser: 'NA',
        operatingSystem: 'NA',
        integration: 'brand-sdk',
        integrationVersion: '1.0',
        appId: 'sms-connector',
        features: ['AUTO_MESSAGES'],
        monitoringBrowser: 'NA',
      }
    case 'FACEBOOK': {
      const mobile = rng.chance(0.7)
      return {
        device: mobile ? 'MOBILE' : 'DESKTOP',
        browser: 'Messenger',
        operatingSystem: mobile ? rng.pick(['IOS', 'ANDROID']) : rng.pick(['WINDOWS', 'MAC_OSX']),
        integration: 'brand-sdk',
        integrationVersion: '2.4',
        appId: 'facebook-connector',
        features: ['PHOTO_SHARING', 'QUICK_REPLIES', 'RICH_CONTENT'],
        monitoringBrowser: 'Messenger',
      }
    }
    case 'WhatsApp Business': {
      const ios = rng.chance(0.45)
      return {
        device: 'MOBILE',
        browser: 'WhatsApp',
        operatingSystem: ios ? 'IOS' : 'ANDROID',
        integration: 'brand-sdk',
        integrationVersion: '3.1',
        appId: 'whatsapp-connector',
        features: ['PHOTO_SHARING', 'QUICK_REPLIES', 'RICH_CONTENT'],
        monitoringBrowser: 'WhatsApp',
      }
    }
    case 'Apple Business Chat': {
      const kind = rng.weighted(['MOBILE', 'TABLET', 'DESKTOP'] as const, [80, 10, 10])
      return {
        device: kind,
        deviceModel:
          kind === 'MOBILE'
            ? rng.pick(IOS_MODELS)
            : kind === 'TABLET'
              ? rng.pick(IPAD_MODELS)
              : undefined,
        browser: 'Messages',
        operatingSystem: kind === 'DESKTOP' ? 'MAC_OSX' : 'IOS',
        operatingSystemVersion: kind === 'DESKTOP' ? '15.1' : rng.pick(['18.1', '17.6.1']),
        integration: 'brand-sdk',
        integrationVersion: '2.0',
        appId: 'apple-business-chat',
        features: ['PHOTO_SHARING', 'QUICK_REPLIES', 'RICH_CONTENT', 'SECURE_FORMS'],
        monitoringBrowser: 'Messages',
      }
    }
  }
}

interface CampaignProfile {
  campaignId: string
  campaignName: string
  goalId: string
  goalName: string
  engagementSource: string
  engagements: readonly { id: string; name: string; note: string }[]
  applicationId: string
  applicationName: string
  applicationTypeId: string
  applicationTypeName: string
  lobId: number
  lobName: string
}

const CAMPAIGNS: Record<ChannelSource, CampaignProfile> = {
  SHARK: {
    campaignId: '2266771712',
    campaignName: 'Web Messaging – Support',
    goalId: '2266719412',
    goalName: 'Resolve customer issues',
    engagementSource: 'WEB_SITE',
    engagements: [
      {
        id: '2330596212',
        name: 'Help button – support pages',
        note: 'Customer came from a support article',
      },
      {
        id: '2330596312',
        name: 'Proactive – checkout hesitation',
        note: 'Offered help on the checkout page',
      },
      {
        id: '2330596412',
        name: 'Embedded – billing page',
        note: 'Engaged from My Account > Billing',
      },
    ],
    applicationId: '28879660-84fd-4cd8-a1d7-ba3247bdb252',
    applicationName: 'Acme web messaging',
    applicationTypeId: '7f3a1b9e-2c44-4d1f-9e0b-5d2f6c8a9b10',
    applicationTypeName: 'Web',
    lobId: 2389848512,
    lobName: 'Consumer',
  },
  APP: {
    campaignId: '2266771812',
    campaignName: 'In-app Messaging',
    goalId: '2266719412',
    goalName: 'Resolve customer issues',
    engagementSource: 'MOBILE_APP',
    engagements: [
      { id: '2330597212', name: 'App – Help & Support tab', note: 'Authenticated app user' },
      { id: '2330597312', name: 'App – order details screen', note: 'Opened from an order' },
    ],
    applicationId: 'b4b1c3f8-6a51-4c2e-8d6e-0e1f7a9c2d31',
    applicationName: 'Acme Connect iOS/Android',
    applicationTypeId: '92274cfd-29e7-4d94-a013-0646212d8075',
    applicationTypeName: 'Mobile App',
    lobId: 2389848512,
    lobName: 'Consumer',
  },
  SMS: {
    campaignId: '2266771912',
    campaignName: 'SMS Care Line',
    goalId: '2266719512',
    goalName: 'Deflect calls to messaging',
    engagementSource: 'SMS',
    engagements: [
      { id: '2330598212', name: 'Text us – IVR deflection', note: 'Customer texted after calling' },
    ],
    applicationId: 'c81d4e2a-93b7-4a0c-b6f1-2e7d9a5c4f12',
    applicationName: 'SMS +1 555-0142',
    applicationTypeId: 'e2a7c6d1-4b9f-4e3a-8c5d-1f0b2a3c4d5e',
    applicationTypeName: 'SMS',
    lobId: 2389848612,
    lobName: 'Care',
  },
  FACEBOOK: {
    campaignId: '2266772012',
    campaignName: 'Social Care',
    goalId: '2266719612',
    goalName: 'Social customer care',
    engagementSource: 'SOCIAL_MEDIA',
    engagements: [{ id: '2330599212', name: 'Messenger – Acme page', note: 'Facebook Messenger' }],
    applicationId: 'd5f6a7b8-1c2d-4e3f-9a0b-3c4d5e6f7a8b',
    applicationName: 'Acme on Messenger',
    applicationTypeId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    applicationTypeName: 'Facebook Messenger',
    lobId: 2389848612,
    lobName: 'Care',
  },
  'WhatsApp Business': {
    campaignId: '2266772012',
    campaignName: 'Social Care',
    goalId: '2266719612',
    goalName: 'Social customer care',
    engagementSource: 'SOCIAL_MEDIA',
    engagements: [
      { id: '2330599312', name: 'WhatsApp – Acme Support', note: 'WhatsApp Business number' },
    ],
    applicationId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    applicationName: 'Acme on WhatsApp',
    applicationTypeId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
    applicationTypeName: 'WhatsApp',
    lobId: 2389848612,
    lobName: 'Care',
  },
  'Apple Business Chat': {
    campaignId: '2266772012',
    campaignName: 'Social Care',
    goalId: '2266719612',
    goalName: 'Social customer care',
    engagementSource: 'SOCIAL_MEDIA',
    engagements: [
      { id: '2330599412', name: 'Apple Messages for Business', note: 'Started from Maps / Safari' },
    ],
    applicationId: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
    applicationName: 'Acme on Apple Messages',
    applicationTypeId: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f8a',
    applicationTypeName: 'Apple Business Chat',
    lobId: 2389848612,
    lobName: 'Care',
  },
}

const BEHAVIORS = [
  { id: '2379540212', name: 'Any behavior', systemDefault: true },
  { id: '2379540312', name: 'Visited 3+ support pages', systemDefault: false },
  { id: '2379540412', name: 'Cart value over $100', systemDefault: false },
]

const PROFILES = [
  { id: '2286779312', name: 'All visitors', systemDefault: true },
  { id: '2286779412', name: 'Logged-in customers', systemDefault: false },
  { id: '2286779512', name: 'VIP members', systemDefault: false },
]

export function buildCampaign(
  rng: Rng,
  source: ChannelSource,
  vip: boolean,
): Record<string, unknown> {
  const c = CAMPAIGNS[source]
  const engagement = rng.pick(c.engagements)
  const behavior = rng.weighted(BEHAVIORS, [6, 2, 2])
  const profile = vip ? (PROFILES[2] ?? rng.pick(PROFILES)) : rng.weighted(PROFILES, [6, 4, 0])
  const web = source === 'SHARK'
  return {
    campaignEngagementId: engagement.id,
    campaignEngagementName: engagement.name,
    campaignId: c.campaignId,
    campaignName: c.campaignName,
    goalId: c.goalId,
    goalName: c.goalName,
    engagementAgentNote: engagement.note,
    engagementSource: c.engagementSource,
    visitorBehaviorId: behavior.id,
    visitorBehaviorName: behavior.name,
    engagementApplicationId: c.applicationId,
    engagementApplicationName: c.applicationName,
    engagementApplicationTypeId: c.applicationTypeId,
    engagementApplicationTypeName: c.applicationTypeName,
    visitorProfileId: profile.id,
    visitorProfileName: profile.name,
    lobId: c.lobId,
    lobName: c.lobName,
    locationId: web ? '2266779612' : '2266779712',
    locationName: web ? 'Entire site' : 'In-app / external channel',
    behaviorSystemDefault: behavior.systemDefault,
    profileSystemDefault: profile.systemDefault,
  }
}

export const START_PAGES: Record<string, readonly { url: string; title: string }[]> = {
  billing: [
    { url: 'https://www.acme.example/account/billing', title: 'Billing & payments – Acme' },
    { url: 'https://www.acme.example/account/billing/invoices', title: 'Your invoices – Acme' },
  ],
  tech: [
    {
      url: 'https://www.acme.example/support/internet/troubleshooting',
      title: 'Troubleshoot your internet – Acme Support',
    },
    { url: 'https://www.acme.example/support/app', title: 'Acme app help – Acme Support' },
  ],
  shop: [
    { url: 'https://www.acme.example/shop/audio', title: 'Headphones & speakers – Acme Shop' },
    { url: 'https://www.acme.example/checkout', title: 'Checkout – Acme Shop' },
    { url: 'https://www.acme.example/plans', title: 'Compare plans – Acme' },
  ],
  orders: [
    { url: 'https://www.acme.example/account/orders', title: 'Your orders – Acme' },
    { url: 'https://www.acme.example/returns', title: 'Returns & exchanges – Acme' },
  ],
  account: [
    { url: 'https://www.acme.example/login', title: 'Sign in – Acme' },
    { url: 'https://www.acme.example/account/profile', title: 'Your profile – Acme' },
  ],
}

export function buildMonitoring(
  rng: Rng,
  place: Place,
  client: ClientProfile,
  ipAddress: string,
  page: { url: string; title: string } | undefined,
): Record<string, unknown> {
  const monitoring: Record<string, unknown> = {
    country: place.country,
    countryCode: place.countryCode,
    state: place.state,
    city: place.city,
    isp: place.isp,
    org: rng.chance(0.15) ? 'Globex Corporation' : place.isp,
    device: client.device,
    ipAddress,
    browser: client.monitoringBrowser,
    operatingSystem: client.operatingSystem,
  }
  if (page) {
    monitoring.conversationStartPage = page.url
    monitoring.conversationStartPageTitle = page.title
  }
  return monitoring
}
