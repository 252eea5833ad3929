/**
 * Names of engagement-attribute fields, by the key the domain gives each one
 * (`domain/engagement-attributes.ts`): the wire key, or a derived one such as
 * `customerAge.dateOfBirth` and, inside a purchase's cart, `cart.total`. A key nobody named is
 * turned into words from its spelling.
 */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  // customer info
  customerId: 'Customer ID',
  userName: 'User name',
  accountName: 'Account name',
  customerStatus: 'Customer status',
  customerType: 'Customer type',
  balance: 'Balance',
  lastPaymentDate: 'Last payment date',
  registrationDate: 'Registration date',
  loginStatus: 'Login status',
  role: 'Role',
  companySize: 'Company size',
  companyBranch: 'Company branch',
  storeNumber: 'Store number',
  storeZipCode: 'Store ZIP code',
  socialId: 'Social ID',
  imei: 'IMEI',
  // personal info
  name: 'Name',
  surname: 'Surname',
  gender: 'Gender',
  company: 'Company',
  language: 'Language',
  'customerAge.years': 'Age',
  'customerAge.dateOfBirth': 'Date of birth',
  email: 'Email',
  phone: 'Phone',
  contacts: 'Contacts',
  // cart, purchase, products
  total: 'Total',
  numItems: 'Number of items',
  products: 'Products',
  orderId: 'Order ID',
  cart: 'Cart',
  'cart.total': 'Cart total',
  'cart.numItems': 'Number of items',
  'cart.products': 'Products',
  currency: 'Currency',
  // marketing campaign, search, errors, lead, service activity
  campaignId: 'Campaign ID',
  affiliate: 'Affiliate',
  originatingChannel: 'Originating channel',
  keywords: 'Keywords',
  message: 'Message',
  code: 'Code',
  level: 'Level',
  resolved: 'Resolved',
  contextId: 'Context ID',
  topic: 'Topic',
  value: 'Value',
  leadId: 'Lead ID',
  category: 'Category',
  status: 'Status',
  serviceId: 'Service ID',
}

/** `storeZipCode` → `Store zip code`: words for a field key nobody named. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** The label an engagement-attribute field is shown with: `cart.total` → "Cart total". */
export function sdeFieldLabel(key: string): string {
  const known = FIELD_LABELS[key]
  if (known !== undefined) return known
  // A field nested under a known one (`cart.giftWrap`) is named by its own key.
  return humanizeKey(key.slice(key.lastIndexOf('.') + 1))
}
