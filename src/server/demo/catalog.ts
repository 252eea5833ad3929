/** Products, plans and demo image paths (served offline from `public/demo/`). */

export interface Product {
  sku: string
  name: string
  category: string
  price: number
  image: string
}

export const PRODUCTS: readonly Product[] = [
  {
    sku: 'AUR-HP-200',
    name: 'Aurora Wireless Headphones',
    category: 'Audio',
    price: 149.99,
    image: '/demo/headphones.svg',
  },
  {
    sku: 'NIM-SW-40',
    name: 'Nimbus Smartwatch',
    category: 'Wearables',
    price: 229,
    image: '/demo/smartwatch.svg',
  },
  {
    sku: 'TRB-RS-42',
    name: 'Trailblazer Running Shoes',
    category: 'Footwear',
    price: 89.5,
    image: '/demo/shoes.svg',
  },
  {
    sku: 'SUM-HD-M',
    name: 'Summit Hoodie',
    category: 'Apparel',
    price: 54,
    image: '/demo/hoodie.svg',
  },
  {
    sku: 'LUM-DL-01',
    name: 'Lumen Desk Lamp',
    category: 'Home',
    price: 39.95,
    image: '/demo/lamp.svg',
  },
  {
    sku: 'PLS-BS-10',
    name: 'Pulse Bluetooth Speaker',
    category: 'Audio',
    price: 79,
    image: '/demo/speaker.svg',
  },
  {
    sku: 'ORB-RT-X2',
    name: 'Orbit Router X2',
    category: 'Networking',
    price: 189,
    image: '/demo/router.svg',
  },
  {
    sku: 'VTX-PH-12',
    name: 'Vertex Phone 12',
    category: 'Phones',
    price: 799,
    image: '/demo/phone.svg',
  },
]

export interface Plan {
  id: string
  name: string
  price: number
  image: string
  perks: string
}

export const PLANS: readonly Plan[] = [
  {
    id: 'basic',
    name: 'Basic',
    price: 25,
    image: '/demo/plan-basic.svg',
    perks: '10 GB data, 300 Mbps home internet',
  },
  {
    id: 'plus',
    name: 'Plus',
    price: 45,
    image: '/demo/plan-plus.svg',
    perks: '50 GB data, 1 Gbps internet, streaming bundle',
  },
  {
    id: 'premium',
    name: 'Premium Unlimited',
    price: 70,
    image: '/demo/plan-premium.svg',
    perks: 'Unlimited data, 2 Gbps fiber, device protection',
  },
]

export const IMAGES = {
  avatar: '/demo/avatar.svg',
  mapTile: '/demo/map-tile.svg',
  technician: '/demo/technician.svg',
  damagedBox: '/demo/damaged-box.png',
  errorScreenshot: '/demo/error-screenshot.png',
  invoicePdf: '/demo/invoice-sample.pdf',
  routerLog: '/demo/router-log.txt',
} as const

/**
 * A 16×12 PNG thumbnail of `damaged-box.png` (a brown parcel with a dent), used as `messageData.file.preview`.
 * Kept tiny on purpose: the real API only sends previews from the by-ID method.
 */
export const PREVIEW_THUMBNAIL_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAAARUlEQVR42mN49OIDSYiBjhoWFLhgIgI2bGkKgKNr+3qAZEWQAQRRSUOUjTKaBogeIEmsDXBETw2nrz6EIzwa4GpQNBCDAJNwsHBAK9L7AAAAAElFTkSuQmCC'

export interface Place {
  city: string
  state: string
  country: string
  countryCode: string
  timeZone: string
  la: number
  lo: number
  isp: string
}

export const PLACES: readonly Place[] = [
  {
    city: 'New York',
    state: 'New York',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/New_York',
    la: 40.7128,
    lo: -74.006,
    isp: 'Verizon Fios',
  },
  {
    city: 'Chicago',
    state: 'Illinois',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Chicago',
    la: 41.8781,
    lo: -87.6298,
    isp: 'Comcast Cable',
  },
  {
    city: 'Austin',
    state: 'Texas',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Chicago',
    la: 30.2672,
    lo: -97.7431,
    isp: 'AT&T U-verse',
  },
  {
    city: 'Denver',
    state: 'Colorado',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Denver',
    la: 39.7392,
    lo: -104.9903,
    isp: 'CenturyLink',
  },
  {
    city: 'Seattle',
    state: 'Washington',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Los_Angeles',
    la: 47.6062,
    lo: -122.3321,
    isp: 'Comcast Cable',
  },
  {
    city: 'San Diego',
    state: 'California',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Los_Angeles',
    la: 32.7157,
    lo: -117.1611,
    isp: 'Cox Communications',
  },
  {
    city: 'Atlanta',
    state: 'Georgia',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/New_York',
    la: 33.749,
    lo: -84.388,
    isp: 'AT&T U-verse',
  },
  {
    city: 'Boston',
    state: 'Massachusetts',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/New_York',
    la: 42.3601,
    lo: -71.0589,
    isp: 'Verizon Fios',
  },
  {
    city: 'Miami',
    state: 'Florida',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/New_York',
    la: 25.7617,
    lo: -80.1918,
    isp: 'Xfinity',
  },
  {
    city: 'Toronto',
    state: 'Ontario',
    country: 'Canada',
    countryCode: 'CA',
    timeZone: 'America/Toronto',
    la: 43.6532,
    lo: -79.3832,
    isp: 'Rogers Cable',
  },
  {
    city: 'London',
    state: 'England',
    country: 'United Kingdom',
    countryCode: 'GB',
    timeZone: 'Europe/London',
    la: 51.5072,
    lo: -0.1276,
    isp: 'BT Broadband',
  },
  {
    city: 'Berlin',
    state: 'Berlin',
    country: 'Germany',
    countryCode: 'DE',
    timeZone: 'Europe/Berlin',
    la: 52.52,
    lo: 13.405,
    isp: 'Deutsche Telekom',
  },
]

export const SPANISH_PLACES: readonly Place[] = [
  {
    city: 'Madrid',
    state: 'Madrid',
    country: 'Spain',
    countryCode: 'ES',
    timeZone: 'Europe/Madrid',
    la: 40.4168,
    lo: -3.7038,
    isp: 'Movistar',
  },
  {
    city: 'Ciudad de México',
    state: 'CDMX',
    country: 'Mexico',
    countryCode: 'MX',
    timeZone: 'America/Mexico_City',
    la: 19.4326,
    lo: -99.1332,
    isp: 'Telmex',
  },
  {
    city: 'Houston',
    state: 'Texas',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Chicago',
    la: 29.7604,
    lo: -95.3698,
    isp: 'Comcast Cable',
  },
  {
    city: 'Los Angeles',
    state: 'California',
    country: 'United States',
    countryCode: 'US',
    timeZone: 'America/Los_Angeles',
    la: 34.0522,
    lo: -118.2437,
    isp: 'Spectrum',
  },
]
