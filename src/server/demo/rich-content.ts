import { IMAGES, PLANS, PRODUCTS, type Product } from '@/server/demo/catalog'
import type { Rng } from '@/server/demo/prng'

/**
 * Structured Content (json-pollock) templates for the demo. Each builder returns the template and,
 * when the card asks the consumer to choose, the text the consumer "clicks" (a button's
 * `publishText`), which the generator sends as the consumer's next message.
 */

export type Json = Record<string, unknown>

export interface ScOffer {
  content: Json
  /** The consumer's next message: equal to one button's publishText (or the checked items). */
  reply?: string
  /** A line the agent sends with the card (optional). */
  intro?: string
}

const BRAND_BLUE = '#0363ad'

function text(value: string, extra: Json = {}): Json {
  return { type: 'text', text: value, ...extra }
}

function publishButton(title: string, publish: string, extra: Json = {}): Json {
  return {
    type: 'button',
    title,
    click: { actions: [{ type: 'publishText', text: publish }] },
    ...extra,
  }
}

function externalId(id: string): Json[] {
  return [{ type: 'ExternalId', id }]
}

/** Order status card: vertical (default border), image, keyValuePairList, link button, map. */
export function orderStatusCard(v: {
  order: string
  product: Product
  carrier: string
  tracking: string
  date: string
  la: number
  lo: number
}): ScOffer {
  const reply = 'Looks good, thanks'
  return {
    intro: 'Here are the latest details for your order:',
    reply,
    content: {
      type: 'vertical',
      border: 'border',
      tooltip: `Order ${v.order}`,
      elements: [
        {
          type: 'image',
          url: v.product.image,
          caption: v.product.name,
          tooltip: v.product.name,
          accessibility: { web: { 'aria-label': `Photo of ${v.product.name}` } },
        },
        text(`Order ${v.order}`, { style: { bold: true, size: 'large', color: '#1f2937' } }),
        {
          type: 'keyValuePairList',
          elements: [
            { key: 'Status', value: 'In transit' },
            { key: 'Carrier', value: v.carrier },
            { key: 'Tracking #', value: v.tracking },
            { key: 'Estimated delivery', value: v.date },
          ],
        },
        {
          type: 'button',
          class: 'button',
          title: 'Track package',
          subtitle: `Opens ${v.carrier} tracking`,
          tooltip: 'Track your package on the carrier site',
          style: {
            'background-color': BRAND_BLUE,
            color: '#ffffff',
            'border-color': BRAND_BLUE,
            'border-radius': 8,
            bold: true,
          },
          click: {
            metadata: externalId(`track-${v.order}`),
            actions: [
              {
                type: 'link',
                name: 'Track package',
                uri: `https://tracking.example/${v.carrier.toLowerCase()}/${v.tracking}`,
                target: 'blank',
              },
            ],
          },
        },
        {
          type: 'map',
          la: v.la,
          lo: v.lo,
          alt: `${v.carrier} distribution hub`,
          tooltip: `${v.carrier} distribution hub`,
          click: { actions: [{ type: 'navigate', name: `${v.carrier} hub`, la: v.la, lo: v.lo }] },
        },
        publishButton(reply, reply, { tooltip: reply }),
      ],
    },
  }
}

/** Plan carousel: carousel of vertical dropShadow cards with styled button + subtitle. */
export function planCarousel(rng: Rng): ScOffer {
  const chosen = rng.pick(PLANS)
  const publish = (name: string): string => `I'd like the ${name} plan`
  return {
    intro: 'Here are the plans available at your address:',
    reply: publish(chosen.name),
    content: {
      type: 'carousel',
      padding: 10,
      tooltip: 'Available plans',
      elements: PLANS.map((plan) => ({
        type: 'vertical',
        border: 'dropShadow',
        elements: [
          {
            type: 'image',
            url: plan.image,
            caption: plan.name,
            tooltip: plan.name,
            alt: `${plan.name} plan`,
          },
          text(plan.name, { style: { bold: true, size: 'large' } }),
          text(`$${plan.price}/month`, { style: { color: BRAND_BLUE, bold: true } }),
          text(plan.perks, { style: { size: 'small', italic: true } }),
          {
            type: 'button',
            class: 'button',
            title: `Choose ${plan.name}`,
            subtitle: `$${plan.price}/mo, no contract`,
            tooltip: `Choose the ${plan.name} plan`,
            style: { 'background-color': BRAND_BLUE, color: '#ffffff', 'border-radius': 20 },
            click: {
              metadata: externalId(`plan-${plan.id}`),
              actions: [{ type: 'publishText', text: publish(plan.name) }],
            },
          },
        ],
      })),
    },
  }
}

/** Product picker: carouselSelect, buttons with ref + addToCart + publishText. */
export function productCarouselSelect(rng: Rng, featured: Product): ScOffer {
  const others = rng.sample(
    PRODUCTS.filter((p) => p.sku !== featured.sku),
    3,
  )
  const products = [featured, ...others]
  const chosen = rng.chance(0.75) ? featured : rng.pick(others)
  const publish = (p: Product): string => `Add the ${p.name} to my cart`
  return {
    intro: 'These are in stock right now. Tap one to add it to your cart:',
    reply: publish(chosen),
    content: {
      type: 'carouselSelect',
      selectMode: { name: 'product-pick', type: 'single' },
      padding: 8,
      tooltip: 'Pick a product',
      elements: products.map((p) => ({
        type: 'vertical',
        elements: [
          { type: 'image', url: p.image, caption: p.category, tooltip: p.name },
          text(p.name, { style: { bold: true } }),
          text(`$${p.price.toFixed(2)}`),
          {
            type: 'button',
            title: 'Add to cart',
            tooltip: `Add ${p.name} to cart`,
            ref: { name: 'product-pick', type: 'carouselSelect' },
            click: {
              metadata: externalId(p.sku),
              actions: [
                { type: 'addToCart', items: [{ productId: p.sku, quantity: 1 }] },
                { type: 'publishText', text: publish(p) },
              ],
            },
          },
        ],
      })),
    },
  }
}

/** Invoice picker: accordionSelect with titles and keyValuePairList bodies. */
export function invoiceAccordion(
  rng: Rng,
  invoices: readonly { id: string; amount: string; month: string }[],
): ScOffer {
  const chosen = rng.pick(invoices)
  const publish = (id: string): string => `Dispute invoice ${id}`
  return {
    intro: 'Which invoice is this about?',
    reply: publish(chosen.id),
    content: {
      type: 'accordionSelect',
      selectMode: { name: 'invoice-pick' },
      tooltip: 'Recent invoices',
      titles: invoices.map((inv) => ({ name: inv.id, additional: `${inv.amount} – ${inv.month}` })),
      elements: invoices.map((inv) => ({
        type: 'vertical',
        elements: [
          {
            type: 'keyValuePairList',
            elements: [
              { key: 'Invoice', value: inv.id },
              { key: 'Period', value: inv.month },
              { key: 'Amount', value: inv.amount },
              { key: 'Status', value: 'Paid' },
            ],
          },
          {
            type: 'button',
            title: 'Dispute this invoice',
            ref: { name: 'invoice-pick', type: 'accordionSelect' },
            click: { actions: [{ type: 'publishText', text: publish(inv.id) }] },
          },
        ],
      })),
    },
  }
}

/** Account overview: tabs with one card per tab. */
export function accountTabs(v: {
  plan: string
  amount: string
  date: string
  last4: string
}): ScOffer {
  return {
    intro: 'Here is an overview of your account:',
    content: {
      type: 'tabs',
      style: { 'background-color': '#f5f7fa' },
      elements: [
        {
          type: 'vertical',
          tag: 'Plan',
          elements: [
            text('Plan', { style: { bold: true } }),
            {
              type: 'keyValuePairList',
              elements: [
                { key: 'Current plan', value: v.plan },
                { key: 'Contract', value: 'None' },
              ],
            },
          ],
        },
        {
          type: 'vertical',
          tag: 'Usage',
          elements: [
            text('Usage', { style: { bold: true } }),
            {
              type: 'keyValuePairList',
              elements: [
                { key: 'Data used', value: '38.2 GB' },
                { key: 'Cycle ends', value: v.date },
              ],
            },
          ],
        },
        {
          type: 'vertical',
          tag: 'Payments',
          elements: [
            text('Payments', { style: { bold: true } }),
            {
              type: 'keyValuePairList',
              elements: [
                { key: 'Last payment', value: v.amount },
                { key: 'Card', value: `•••• ${v.last4}` },
              ],
            },
          ],
        },
      ],
    },
  }
}

/** Multiple checklist: list → [text, sectionList → section → checklist → checkbox, buttonList]. */
export function returnChecklist(rng: Rng, order: string): ScOffer {
  const items = rng.sample(PRODUCTS, 4)
  const first = items.slice(0, 2)
  const second = items.slice(2)
  const checkbox = (p: Product): Json => ({
    type: 'checkbox',
    text: `${p.name} – $${p.price.toFixed(2)}`,
    borderLine: true,
    borderColor: '#d4d4d5',
    click: { actions: [{ type: 'checked', publishText: p.name }] },
  })
  const picked = rng.sample(items, rng.int(1, 3))
  return {
    intro: 'Select the items you want to return:',
    reply: items
      .filter((p) => picked.includes(p))
      .map((p) => p.name)
      .join(', '),
    content: {
      type: 'list',
      tooltip: 'Items to return',
      elements: [
        text(`Items in order ${order}`, { style: { bold: true } }),
        {
          type: 'sectionList',
          elements: [
            {
              type: 'section',
              sectionID: `${order}-a`,
              elements: [
                text('Shipped together'),
                { type: 'checklist', elements: first.map(checkbox) },
              ],
            },
            {
              type: 'section',
              sectionID: `${order}-b`,
              elements: [{ type: 'checklist', elements: second.map(checkbox) }],
            },
          ],
        },
        {
          type: 'buttonList',
          elements: [
            {
              type: 'submitButton',
              title: 'Return selected',
              disabled: false,
              click: { actions: [{ type: 'submitAsText', submit: true }] },
            },
            publishButton('Cancel', 'Cancel'),
          ],
        },
      ],
    },
  }
}

/** Appointment: buttons with datePicker and scheduleSlotList actions. */
export function appointmentCard(rng: Rng, nowSec: number): ScOffer {
  const day = 86_400
  const base = Math.floor(nowSec / day) * day + day
  const slots = [0, 1, 2].map((i) => {
    const start = base + (i + 1) * day + 8 * 3600 + (i % 2) * 4 * 3600
    return {
      type: 'scheduleSlot',
      id: `slot-${i + 1}`,
      start,
      end: start + 4 * 3600,
      title: i % 2 === 0 ? 'Morning visit' : 'Afternoon visit',
      description: i % 2 === 0 ? '8:00 – 12:00' : '12:00 – 16:00',
      imageUrl: IMAGES.technician,
    }
  })
  const slot = rng.pick(slots)
  return {
    intro: 'Let us book a technician. Pick a date or one of the available slots:',
    reply: `${slot.title}, ${new Date(slot.start * 1000).toUTCString().slice(0, 11)} (${slot.description}) works for me`,
    content: {
      type: 'vertical',
      elements: [
        text('Book a technician visit', { style: { bold: true, size: 'medium' } }),
        {
          type: 'button',
          title: 'Pick a date',
          tooltip: 'Choose a visit date',
          click: {
            actions: [
              {
                type: 'datePicker',
                class: 'single',
                title: 'Visit date',
                minDate: base,
                maxDate: base + 14 * day,
                dateFormat: 'yyyy-MM-dd',
              },
            ],
          },
        },
        {
          type: 'button',
          title: 'See available slots',
          tooltip: 'Show technician time slots',
          click: {
            actions: [
              {
                type: 'scheduleSlotList',
                title: 'Available slots',
                firstDayOfTheWeek: 'mon',
                slots,
              },
            ],
          },
        },
      ],
    },
  }
}

/** Yes/no confirmation: vertical borderLess + scroll, horizontal with percentages, no border line. */
export function confirmResolved(rng: Rng): ScOffer {
  const yes = 'Yes, all set'
  const no = 'No, still not working'
  return {
    reply: rng.chance(0.8) ? yes : no,
    content: {
      type: 'vertical',
      border: 'borderLess',
      scroll: 'enable',
      style: { size: 'medium' },
      elements: [
        text('Did this resolve your issue?', { style: { bold: true } }),
        {
          type: 'horizontal',
          percentages: [60, 40],
          borderLine: false,
          elements: [
            publishButton(yes, yes, { style: { 'background-color': '#e6f4ea', color: '#137333' } }),
            publishButton(no, no, { style: { 'background-color': '#fce8e6', color: '#a50e0e' } }),
          ],
        },
      ],
    },
  }
}

/** json-pollock's quick-reply `template` element. */
export function anythingElseTemplate(rng: Rng): ScOffer {
  const resp = ['No, that is all', 'Yes, one more question']
  return {
    reply: rng.chance(0.85) ? resp[0] : resp[1],
    content: {
      type: 'template',
      templateType: 'quickReply',
      title: 'Anything else I can help with?',
      resp,
    },
  }
}

/** App deep link: custom action with accessibility + link preview. */
export function openInAppCard(accountId: string): ScOffer {
  return {
    intro: 'You can also manage this yourself in the app:',
    content: {
      type: 'vertical',
      border: 'dropShadow',
      elements: [
        text('Manage autopay in the Acme app', { style: { bold: true } }),
        {
          type: 'button',
          class: 'button',
          title: 'Open in Acme app',
          subtitle: 'Billing › Autopay',
          tooltip: 'Opens the Acme Connect app',
          accessibility: {
            web: {
              'aria-label': 'Open autopay settings in the Acme Connect app',
              role: 'button',
              tabindex: '0',
            },
          },
          click: {
            actions: [
              {
                type: 'custom',
                data: [
                  { key: 'screen', value: 'billing/autopay' },
                  { key: 'accountId', value: accountId },
                ],
              },
            ],
          },
        },
        {
          type: 'linkPreview',
          url: 'https://help.acme.example/articles/autopay',
          title: 'How autopay works',
          tooltip: 'Help article',
        },
      ],
    },
  }
}

/** Multilingual welcome, with right-to-left text elements. */
export function welcomeCard(): ScOffer {
  return {
    content: {
      type: 'vertical',
      border: 'borderLess',
      elements: [
        {
          type: 'image',
          url: IMAGES.avatar,
          tooltip: 'Ava',
          alt: 'Ava, the Acme virtual assistant',
        },
        text('Welcome to Acme! How can we help?', { style: { bold: true } }),
        text('مرحبًا بك في Acme! كيف يمكننا مساعدتك؟', { rtl: true, tooltip: 'Arabic' }),
        text('ברוכים הבאים ל-Acme! איך נוכל לעזור?', { rtl: true, tooltip: 'Hebrew' }),
        text('¡Bienvenido a Acme! ¿Cómo podemos ayudarte?', {
          tooltip: 'Spanish',
          style: { italic: true },
        }),
      ],
    },
  }
}

/** Bot menu: vertical with text buttons (class text) that publish the consumer's choice. */
export function botMenuCard(options: readonly { title: string; text: string }[]): Json {
  return {
    type: 'vertical',
    elements: [
      text('What can I help you with?', { style: { bold: true } }),
      ...options.map((o) => ({
        type: 'button',
        class: 'text',
        title: o.title,
        tooltip: o.text,
        click: { actions: [{ type: 'publishText', text: o.text }] },
      })),
    ],
  }
}

/** A help-article card with a link preview. */
export function helpArticleCard(title: string, url: string): Json {
  return {
    type: 'vertical',
    elements: [
      text('This article walks you through it step by step:'),
      { type: 'linkPreview', url, title },
    ],
  }
}

/** A quick-replies group (rides on a text or rich-content message). */
export function quickReplies(
  replies: readonly { title: string; text: string }[],
  itemsPerRow = 4,
): Json {
  return {
    type: 'quickReplies',
    itemsPerRow,
    replies: replies.map((r, i) => ({
      type: 'button',
      title: r.title,
      tooltip: r.title,
      click: {
        actions: [{ type: 'publishText', text: r.text }],
        metadata: [{ type: 'ExternalId', id: `qr-${i + 1}` }],
      },
      style: {
        color: BRAND_BLUE,
        'border-color': BRAND_BLUE,
        'background-color': '#ffffff',
        'border-radius': 25,
        bold: i === 0,
      },
    })),
  }
}

/** Deliberately hostile: a button whose link action is a `javascript:` URL. */
export function hostileLinkCard(): Json {
  return {
    type: 'vertical',
    elements: [
      text('Claim your loyalty reward'),
      {
        type: 'button',
        title: 'Claim reward',
        click: { actions: [{ type: 'link', name: 'Claim', uri: 'javascript:alert(1)' }] },
      },
    ],
  }
}
