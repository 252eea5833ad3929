import { IMAGES, PREVIEW_THUMBNAIL_BASE64 } from '@/server/demo/catalog'
import type { Json } from '@/server/demo/conversation-builder'
import type { Feature } from '@/server/demo/conversation-plan'
import { money, MONTHS } from '@/server/demo/message-wording'
import {
  accountTabs,
  anythingElseTemplate,
  appointmentCard,
  confirmResolved,
  helpArticleCard,
  hostileLinkCard,
  invoiceAccordion,
  openInAppCard,
  orderStatusCard,
  planCarousel,
  productCarouselSelect,
  quickReplies,
  returnChecklist,
} from '@/server/demo/rich-content'
import type { ScriptRun } from '@/server/demo/script-run'
import type { Turn } from '@/server/demo/topics'

const HTML_SNIPPETS: Record<string, string> = {
  app: '<p>Please try these steps on your <b>{device}</b>:</p><ol><li>Update <b>Acme Connect</b> to the latest version</li><li>Clear the cache under <i>Settings › Apps › Acme Connect › Storage</i></li><li>Sign in again</li></ol>',
  tech: '<p>Please try these steps:</p><ol><li>Unplug the <b>{device}</b> for <b>30 seconds</b></li><li>Plug it back in and wait for the light to turn <span style="color:#137333">white</span></li><li>Reconnect your devices</li></ol><p>Full guide: <a href="https://help.acme.example/internet/restart" target="_blank">Restart your router</a></p>',
  billing:
    '<p>Here is a breakdown of invoice <b>{invoice}</b>:</p><ul><li>Monthly plan: <b>{amount}</b></li><li>Credit applied: <i>-{amount2}</i></li></ul><p>See <a href="https://www.acme.example/account/billing">Billing &amp; payments</a> for details.</p>',
  orders:
    '<p>Your order <b>{order}</b>:</p><ul><li>Carrier: {carrier}</li><li>Tracking: <code>{tracking}</code></li><li>Estimated delivery: <b>{date}</b></li></ul>',
  generic:
    '<p>Thanks, <b>{name}</b>! A summary of today has been sent to <a href="mailto:{email}">{email}</a>.</p>',
}

const LINKS: Record<string, { url: string; caption: string }> = {
  tech: {
    url: 'https://help.acme.example/guides/router-reset.pdf',
    caption: 'Router reset guide (PDF)',
  },
  billing: {
    url: 'https://help.acme.example/guides/understanding-your-bill.pdf',
    caption: 'Understanding your bill (PDF)',
  },
  orders: {
    url: 'https://help.acme.example/guides/returns-policy.pdf',
    caption: 'Returns policy (PDF)',
  },
  account: {
    url: 'https://help.acme.example/guides/account-security.pdf',
    caption: 'Keeping your account secure (PDF)',
  },
  shop: {
    url: 'https://help.acme.example/guides/plan-comparison.pdf',
    caption: 'Plan comparison (PDF)',
  },
}

const PRIVATE_NOTES = [
  'Customer verified with last 4 of card {last4}.',
  'Repeat contact – third time this month about this. Handle with care.',
  'Checked CRM: no open cases besides {ticket}.',
  'FYI: customer asked for a supervisor earlier, calmed down now.',
  'Applied goodwill credit {amount2}, approved by team lead.',
]

// --- feature blocks -----------------------------------------------------------------------
/** The consumer's last three invoices, the current one first. */
function invoices(run: ScriptRun): { id: string; amount: string; month: string }[] {
  const d = new Date(run.plan.start)
  return [0, 1, 2].map((i) => {
    const m = (d.getUTCMonth() - i + 12) % 12
    return {
      id: i === 0 ? (run.v.invoice ?? 'INV') : `INV-2026-${run.rng.digits(5)}`,
      amount: money(run.rng.float(40, 180)),
      month: `${MONTHS[m] ?? 'Jan'} 2026`,
    }
  })
}

/** Shows one feature: a rich card, quick replies, HTML, a link, a file, a form or a private note. */
export function runFeature(run: ScriptRun, f: Feature): void {
  const { b, rng, v, topic, consumer, spanish } = run
  if (!b.currentAgent || b.stopped) return
  switch (f) {
    case 'orderCard':
      run.offer(
        orderStatusCard({
          order: v.order ?? '',
          product: run.product,
          carrier: v.carrier ?? 'UPS',
          tracking: v.tracking ?? '',
          date: v.date ?? '',
          la: consumer.place.la + 0.05,
          lo: consumer.place.lo - 0.04,
        }),
      )
      return
    case 'planCarousel':
      run.offer(planCarousel(rng))
      return
    case 'productSelect':
      run.offer(productCarouselSelect(rng, run.product))
      return
    case 'invoiceAccordion':
      run.offer(invoiceAccordion(rng, invoices(run)))
      return
    case 'accountTabs':
      run.offer(
        accountTabs({
          plan: v.plan ?? 'Plus',
          amount: v.amount ?? '',
          date: v.date ?? '',
          last4: v.last4 ?? '',
        }),
      )
      return
    case 'returnChecklist':
      run.offer(returnChecklist(rng, v.order ?? 'A-000000'))
      return
    case 'appointment':
      run.offer(appointmentCard(rng, Math.floor(b.t / 1000)))
      return
    case 'confirmResolved': {
      const o = confirmResolved(rng)
      run.offer(o)
      if (o.reply?.startsWith('No')) {
        run.resolved = false
        run.agentSays(
          'I am sorry to hear that. I have escalated this to our specialist team, ticket {ticket}.',
        )
      }
      return
    }
    case 'templateQuickReply':
      run.offer(anythingElseTemplate(rng))
      return
    case 'openInApp':
      run.offer(openInAppCard(consumer.customerId))
      return
    case 'helpArticle':
      run.offer({
        content: helpArticleCard(
          `How to ${topic.intent.label}`,
          `https://help.acme.example/articles/${topic.key}`,
        ),
      })
      return
    case 'welcomeRtl':
    case 'botMenuSc':
    case 'quickRepliesRich':
      return
    case 'quickRepliesText': {
      const yes = spanish ? 'Sí, por favor' : 'Yes please'
      const no = spanish ? 'No, gracias' : 'No thanks'
      run.agentSays(
        spanish
          ? '¿Quiere que le enviemos una copia de esta conversación por correo?'
          : 'Would you like a copy of this conversation by email?',
        {
          qr: quickReplies([
            { title: yes, text: yes },
            { title: no, text: no },
          ]),
        },
      )
      run.consumerSays(rng.chance(0.6) ? yes : no)
      return
    }
    case 'html': {
      const key =
        topic.key === 'appCrash'
          ? 'app'
          : topic.pages === 'tech' || topic.pages === 'billing' || topic.pages === 'orders'
            ? topic.pages
            : 'generic'
      run.agentSays(HTML_SNIPPETS[key] ?? '', { type: 'TEXT_HTML' })
      return
    }
    case 'link': {
      const link = LINKS[topic.pages] ?? LINKS.tech
      const agent = b.currentAgent
      if (!link) return
      run.agentSays('Here is a guide that covers this:')
      b.message({
        by: agent,
        type: 'LINK',
        data: { link: { externalFileLink: link.url, fileType: 'PDF', caption: link.caption } },
        gap: run.agentFollowGap(),
      })
      return
    }
    case 'secureForm':
      secureForm(run)
      return
    case 'consumerImage':
      consumerImage(run, topic.key === 'appCrash' ? 'errorScreenshot' : 'damagedBox')
      return
    case 'hostedFile':
      if (topic.pages === 'tech') {
        run.agentSays('Could you export the router log from the admin page and send it over?')
        run.consumerSays('Sure, here it is')
        b.message({
          by: 'consumer',
          type: 'HOSTED_FILE',
          data: {
            file: { relativePath: IMAGES.routerLog, fileType: 'TXT', caption: 'router-log.txt' },
          },
          gap: run.consumerFollowGap(),
        })
      } else {
        const agent = b.currentAgent
        run.agentSays('I have attached a copy of the invoice for your records.')
        b.message({
          by: agent,
          type: 'HOSTED_FILE',
          data: {
            file: {
              relativePath: IMAGES.invoicePdf,
              fileType: 'PDF',
              caption: `Invoice ${v.invoice ?? ''}`,
            },
          },
          gap: run.agentFollowGap(),
        })
      }
      return
    case 'privateNote':
      run.agentSays(rng.pick(PRIVATE_NOTES), { audience: 'AGENTS_AND_MANAGERS', follow: true })
      return
  }
}

/** A secure form invitation and the consumer's submission. */
function secureForm(run: ScriptRun): void {
  const { b, rng } = run
  const agent = b.currentAgent
  if (!agent) return
  const form = {
    formId: '2351489612',
    formName:
      (run.longTopic ?? run.topic).pages === 'billing'
        ? 'Update payment card'
        : 'Verify your identity',
  }
  const invitationId = rng.uuid()
  b.message({
    by: agent,
    type: 'SECURE_FORM_INVITATION',
    data: { secureForm: { ...form, invitationId } },
    gap: run.agentFollowGap(),
  })
  b.message({
    by: 'consumer',
    type: 'SECURE_FORM_SUBMIT',
    data: { secureForm: { ...form, invitationId, submissionId: rng.uuid() } },
    gap: rng.int(40_000, 180_000),
  })
  run.agentSays('Thank you, I received the form.')
}

/** The consumer sends a photo or a screenshot. */
export function consumerImage(run: ScriptRun, which: 'damagedBox' | 'errorScreenshot'): void {
  const file: Json = {
    relativePath: IMAGES[which],
    fileType: 'PNG',
    caption:
      which === 'damagedBox' ? 'Box and contents as delivered' : 'Error after tapping Billing',
  }
  if (run.rng.chance(0.5) || run.plan.features.has('consumerImage')) {
    file.preview = PREVIEW_THUMBNAIL_BASE64
  }
  run.b.message({ by: 'consumer', type: 'IMG', data: { file }, gap: run.consumerFollowGap() })
}

/** Plays scripted turns; `@image:…`, `@secureForm` and `@link` turns become those messages. */
export function playTurns(run: ScriptRun, turns: readonly Turn[]): void {
  let prev: 'c' | 'a' | undefined
  for (const [speaker, text] of turns) {
    if (run.b.stopped) return
    if (text.startsWith('@')) {
      if (text === '@image:damagedBox') consumerImage(run, 'damagedBox')
      else if (text === '@image:errorScreenshot') consumerImage(run, 'errorScreenshot')
      else if (text === '@secureForm') secureForm(run)
      else if (text === '@link') runFeature(run, 'link')
      prev = speaker
      continue
    }
    if (speaker === 'c') run.consumerSays(text, prev === 'c')
    else run.agentSays(text, { follow: prev === 'a' })
    prev = speaker
  }
}

/** Deliberately hostile content, so security tests have targets. */
export function runHostile(run: ScriptRun): void {
  run.consumerSays(
    'When I paste this into the search box the page breaks: <script>alert(1)</script>',
  )
  run.agentSays(
    'Thanks, here is what our system logged for that request: <img src=x onerror=alert(1)> <b>error 500</b>',
    { type: 'TEXT_HTML' },
  )
  run.agentSays('Our promotions bot also sent you this card earlier, please do not click it:', {
    follow: true,
  })
  run.sendRich(hostileLinkCard())
  run.consumerSays(
    'Ok I will not. Also the link text said javascript:alert(document.cookie) which looked odd.',
  )
}
