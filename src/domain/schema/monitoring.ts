import type { z } from 'zod'
import { cleanObject, optString } from '@/domain/schema/coerce'

/** `monitoring`: where the consumer was (geo, ISP, device, browser, start page). */
export const monitoringSchema = cleanObject({
  country: optString,
  countryCode: optString,
  state: optString,
  city: optString,
  isp: optString,
  org: optString,
  device: optString,
  ipAddress: optString,
  browser: optString,
  operatingSystem: optString,
  conversationStartPage: optString,
  conversationStartPageTitle: optString,
  language: optString,
  timezone: optString,
  channel: optString,
})

export type Monitoring = z.output<typeof monitoringSchema>
