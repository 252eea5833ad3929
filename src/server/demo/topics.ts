import type { SkillKey } from '@/server/demo/roster'

/**
 * Conversation topics. Each topic owns its skill, intent and a few scenarios (what the consumer
 * says, how it goes, how it ends, and the agent's summary), so that the text of a conversation
 * hangs together and keyword search finds sensible things ("refund", "router", "invoice"…).
 * `{placeholders}` are filled per conversation (see `fill` in message-wording.ts).
 */

export type Speaker = 'c' | 'a'
export type Turn = readonly [Speaker, string]

export type TopicKey =
  | 'billingDispute'
  | 'paymentMethod'
  | 'passwordReset'
  | 'internetOutage'
  | 'appCrash'
  | 'orderTracking'
  | 'refundRequest'
  | 'returnExchange'
  | 'planUpgrade'
  | 'productInquiry'
  | 'cancelSubscription'
  | 'addressChange'
  | 'vipConcierge'
  | 'spanishBilling'
  | 'damagedDelivery'

/** One coherent storyline within a topic: what the consumer asks, how it goes, how it ends. */
export interface Scenario {
  openers: readonly string[]
  exchanges: readonly (readonly Turn[])[]
  resolution: readonly Turn[]
  /** The agent-written summary of this storyline. */
  summary: string
}

export interface Topic {
  key: TopicKey
  label: string
  skill: SkillKey
  /** Intent analyzer result (`intents[]`, `uniqueIntents[]`, `info.firstIntentName/Label`). */
  intent: { name: string; label: string }
  /** Bot NLU intent id (`contextData` BotResponse). */
  botIntent: string
  businessCase: string
  /** The bot menu button that leads here, and what it publishes. */
  menu: { title: string; text: string }
  weight: number
  spanish?: boolean
  pages: 'billing' | 'tech' | 'shop' | 'orders' | 'account'
  scenarios: readonly Scenario[]
  /** Exchanges that fit any scenario of the topic (verification, follow-up questions). */
  extras: readonly (readonly Turn[])[]
}

export const TOPICS: readonly Topic[] = [
  {
    key: 'billingDispute',
    label: 'Billing dispute',
    skill: 'billing',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a01', label: 'dispute a charge' },
    botIntent: 'billing_dispute',
    businessCase: 'Billing',
    menu: { title: 'Billing question', text: 'I have a question about my bill' },
    weight: 12,
    pages: 'billing',
    scenarios: [
      {
        openers: [
          'Hi, I was charged twice for my {invoice} bill this month. {amount} came out on {date} and again the next day.',
          'There is a duplicate charge of {amount} on my card statement. Can you explain it?',
        ],
        exchanges: [
          [
            [
              'a',
              'I can see invoice {invoice} for {amount}. Let me check the payment history on your account.',
            ],
            [
              'a',
              'You are right, the card ending in {last4} was charged twice on {date}. That is a duplicate charge and I am sorry about that.',
            ],
            ['c', 'This is the second time this has happened. It is really frustrating.'],
          ],
        ],
        resolution: [
          [
            'a',
            'I have issued a refund of {amount} for the duplicate charge. It will be back on your card within {days}.',
          ],
          ['c', 'Great, thanks for sorting that out.'],
        ],
        summary:
          'Customer disputed a duplicate charge of {amount} on invoice {invoice}. Verified card ending {last4}; refund issued, ETA {days}.',
      },
      {
        openers: [
          'Why is my bill {amount} this month? It is normally way less than that.',
          'My bill went up and nobody told me why. Invoice {invoice} is {amount}.',
        ],
        exchanges: [
          [
            [
              'a',
              'The higher bill is because the promotional discount of {amount2} ended last cycle.',
            ],
            ['c', 'Nobody told me the discount would end. That is not ok.'],
            [
              'a',
              'I understand. I can apply a one-time loyalty credit of {amount2} to soften the change.',
            ],
            ['c', 'Ok, that helps. Thank you.'],
          ],
        ],
        resolution: [
          [
            'a',
            'The loyalty credit of {amount2} is on your account and will show on your next bill. Case {ticket} has the details.',
          ],
          ['c', 'Ok thank you'],
        ],
        summary:
          'Billing dispute about {amount} on {invoice}. Promo discount had expired; applied one-time loyalty credit of {amount2}. Case {ticket}.',
      },
      {
        openers: [
          'I want to dispute a charge on my account, I was billed a late fee but I paid on time.',
          'Why do I have a late fee? I paid on {date}.',
        ],
        exchanges: [
          [
            ['c', 'The late fee should not be there, I paid on time.'],
            [
              'a',
              'I found your payment from {date}. It posted a day after the due date because of a bank holiday, so I will waive the late fee.',
            ],
          ],
        ],
        resolution: [
          ['a', 'The late fee is removed and your balance is now {amount}. Sorry for the hassle.'],
          ['c', 'Perfect, thanks.'],
        ],
        summary:
          'Late fee dispute: payment posted after due date due to bank holiday. Late fee waived, balance {amount}.',
      },
    ],
    extras: [
      [
        ['a', 'Could you confirm the last four digits of the card on file?'],
        ['c', 'It ends in {last4}'],
        ['a', 'Thanks, {name}. Account verified.'],
      ],
    ],
  },
  {
    key: 'paymentMethod',
    label: 'Payment method / autopay',
    skill: 'billing',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a02', label: 'update payment method' },
    botIntent: 'update_payment_method',
    businessCase: 'Billing',
    menu: { title: 'Billing question', text: 'I have a question about my bill' },
    weight: 6,
    pages: 'billing',
    scenarios: [
      {
        openers: [
          'My autopay failed and I got a warning email. I need to update my credit card.',
          'How do I change the card I pay with? My old one expired.',
        ],
        exchanges: [
          [
            ['a', 'Your autopay failed on {date} because the card ending in {last4} has expired.'],
            ['c', 'Yes I got a new card last week.'],
          ],
          [
            [
              'a',
              'For your security I will send you a secure form to enter the new card details. Please do not type card numbers in the chat.',
            ],
            ['a', '@secureForm'],
          ],
        ],
        resolution: [
          [
            'a',
            'The new card is saved and autopay is active again. The balance of {amount} will be charged on {date}.',
          ],
          ['c', 'Perfect, thanks!'],
        ],
        summary:
          'Autopay failed due to expired card ending {last4}. New card captured via secure form; autopay re-enabled. Balance {amount} due {date}.',
      },
      {
        openers: ['I want to set up autopay but the page keeps giving me an error.'],
        exchanges: [
          [
            ['a', 'Sorry about that. Which error do you see?'],
            ['c', 'It says "Card could not be verified" ({errorCode}).'],
            [
              'a',
              'That happens when the billing ZIP code does not match the card. I can set up autopay for you with a secure form instead.',
            ],
            ['a', '@secureForm'],
          ],
        ],
        resolution: [
          [
            'a',
            'Autopay is now on for the card ending in {last4}. Your next payment of {amount} will go out automatically.',
          ],
          ['c', 'Great, thank you'],
        ],
        summary:
          'Autopay setup failed online (error {errorCode}, ZIP mismatch). Set up autopay via secure form, card ending {last4}.',
      },
    ],
    extras: [
      [
        ['c', 'Will I be charged a late fee because autopay failed?'],
        [
          'a',
          'No, as long as the payment of {amount} goes through in the next 5 days there is no late fee.',
        ],
      ],
    ],
  },
  {
    key: 'passwordReset',
    label: 'Password reset / locked account',
    skill: 'accountSecurity',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a03', label: 'reset password' },
    botIntent: 'password_reset',
    businessCase: 'Account access',
    menu: { title: 'Sign-in help', text: 'I cannot sign in to my account' },
    weight: 9,
    pages: 'account',
    scenarios: [
      {
        openers: [
          'I am locked out of my account. I tried to reset my password but the reset email never arrives.',
          'I forgot my password and I never get the reset email.',
        ],
        exchanges: [
          [
            ['a', 'I can help with that. Which email address is on the account?'],
            ['c', '{email}'],
            ['a', 'Thanks. I see the account was locked after 5 failed sign-in attempts.'],
          ],
          [
            ['c', 'I checked spam too, nothing there.'],
            [
              'a',
              'The reset emails were bouncing because of a typo in the address on file. I have corrected it to {email}.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'I have unlocked the account and sent a fresh password reset link to {email}. It is valid for 30 minutes.',
          ],
          ['c', 'It worked, I am in. Thank you so much!'],
        ],
        summary:
          'Account locked after failed sign-ins. Corrected email typo, unlocked account and sent password reset link to {email}.',
      },
      {
        openers: [
          'I keep getting a two-factor code error when I log in.',
          'The 2FA code never arrives on my phone so I cannot sign in.',
        ],
        exchanges: [
          [
            [
              'a',
              'The two-factor codes are being sent to an old phone number. Can you confirm your current mobile number?',
            ],
            ['c', 'It is {phone}'],
            ['a', 'Updated. You should get a new 2FA code by text now.'],
            ['c', 'Got it, the code worked.'],
          ],
        ],
        resolution: [
          [
            'a',
            'You are all set. For extra security you can also add an authenticator app under Profile > Security.',
          ],
          ['c', 'Done. Thanks for the help.'],
        ],
        summary:
          '2FA codes going to old number; updated 2FA phone to {phone}. Customer signed in successfully.',
      },
      {
        openers: ['I forgot my password and the reset link says it has expired.'],
        exchanges: [
          [
            ['a', 'Reset links are valid for 30 minutes. I will send you a new one now.'],
            ['c', 'Ok, waiting for it.'],
            ['c', 'Got it.'],
          ],
        ],
        resolution: [
          [
            'a',
            'Your account is unlocked. Please set a new password now and turn on two-factor authentication.',
          ],
          ['c', 'Done. Thanks for the help.'],
        ],
        summary:
          'Password reset link expired; reissued a new link. Customer reset the password and signed in.',
      },
    ],
    extras: [
      [
        ['a', 'For security, can you confirm your date of birth?'],
        ['c', 'Sure, it is on file, {date} is my birthday.'],
        ['a', 'Thank you, verified.'],
      ],
    ],
  },
  {
    key: 'internetOutage',
    label: 'Internet outage / router',
    skill: 'techSupport',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a04', label: 'report internet outage' },
    botIntent: 'internet_outage',
    businessCase: 'Technical support',
    menu: { title: 'Technical support', text: 'My internet or device is not working' },
    weight: 12,
    pages: 'tech',
    scenarios: [
      {
        openers: [
          'My internet keeps dropping every few minutes since yesterday. The {device} light is blinking orange.',
          'My router shows error {errorCode} and nothing connects.',
        ],
        exchanges: [
          [
            ['a', 'I am sorry about that. I am running a remote line test on your {device} now.'],
            ['a', 'The line test shows high signal noise on your connection in {city}.'],
            ['c', 'So what does that mean? Is it my equipment?'],
          ],
          [
            [
              'a',
              'Could you unplug the router for 30 seconds and plug it back in? Let me know when the light turns white.',
            ],
            ['c', 'ok doing it now'],
            ['c', 'It is still blinking orange.'],
          ],
        ],
        resolution: [
          [
            'a',
            'The {device} itself looks faulty, so I have booked a technician visit to replace it. You will get a confirmation text.',
          ],
          ['c', 'Ok thanks, hopefully that fixes it.'],
        ],
        summary:
          'Intermittent internet drops, {device} showing error {errorCode}. Line test showed noise; technician visit booked to replace router.',
      },
      {
        openers: [
          'No internet at all since this morning. I work from home, this is urgent!',
          'Is there an outage in {city}? Nothing works.',
        ],
        exchanges: [
          [
            [
              'a',
              'There is a known outage in your area (ticket {ticket}). Engineers are on site and expect it to be fixed by 6 PM.',
            ],
            ['c', 'This is ridiculous, it was down last week too.'],
            [
              'a',
              'I understand how disruptive this is. I will add a service credit for the downtime.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'I have applied a service credit of {amount2} for the outage. Ticket {ticket} will notify you when service is restored.',
          ],
          ['c', 'Fine. Thank you.'],
        ],
        summary:
          'Area outage (ticket {ticket}) in {city}. Customer upset about repeat outage; service credit {amount2} applied.',
      },
      {
        openers: ['The wifi is super slow, I am paying for 1 Gbps and getting 20 Mbps.'],
        exchanges: [
          [
            [
              'a',
              'Can you run a speed test while connected by cable? Here is a guide in case you need it.',
            ],
            ['a', '@link'],
            ['c', 'With the cable I get 940 Mbps. On wifi 20.'],
            [
              'a',
              'Then the line is fine. The router firmware is outdated, I am pushing an update to your {device} now.',
            ],
          ],
        ],
        resolution: [
          ['a', 'The firmware update finished and the router restarted. How does it look now?'],
          ['c', 'Much better, getting 600 Mbps on wifi now. Thanks!'],
        ],
        summary:
          'Slow wifi vs cable speeds. Pushed firmware update to {device}; wifi speed recovered to 600 Mbps.',
      },
    ],
    extras: [
      [
        ['a', 'Which devices are affected, everything or just one?'],
        ['c', 'Everything. Laptop, TV and phones.'],
      ],
    ],
  },
  {
    key: 'appCrash',
    label: 'App crash',
    skill: 'techSupport',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a05', label: 'report app problem' },
    botIntent: 'app_problem',
    businessCase: 'Technical support',
    menu: { title: 'Technical support', text: 'My internet or device is not working' },
    weight: 5,
    pages: 'tech',
    scenarios: [
      {
        openers: [
          'The Acme app crashes every time I open the billing tab.',
          'App shows a blank white screen after login.',
        ],
        exchanges: [
          [
            [
              'a',
              'Thanks for reporting this. Which version of the app are you on? You can find it under Settings > About.',
            ],
            ['c', 'It says {appVersion}'],
          ],
          [
            ['a', 'Could you send me a screenshot of the error?'],
            ['c', 'Here you go'],
            ['c', '@image:errorScreenshot'],
            [
              'a',
              'Thank you, that helps. This is a known issue with version {appVersion} on some devices.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'A fix is in version 5.12.4 which is rolling out today. In the meantime you can use the website to view your bill.',
          ],
          ['c', 'Ok, I will update later today. Thanks.'],
        ],
        summary:
          'App crash on billing tab, version {appVersion}. Known bug, fix in 5.12.4; screenshot received.',
      },
      {
        openers: ['Your app logs me out constantly since the last update ({appVersion}).'],
        exchanges: [
          [
            [
              'a',
              'Please try clearing the app cache: Settings > Apps > Acme Connect > Storage > Clear cache.',
            ],
            ['c', 'Did that, still logging me out'],
          ],
        ],
        resolution: [
          [
            'a',
            'I have logged this as bug report {ticket} with our app team. We will email you when the fix is out.',
          ],
          ['c', 'Thanks for the help'],
        ],
        summary:
          'Frequent logouts after app update {appVersion}. Cleared cache without success; bug report {ticket} created.',
      },
    ],
    extras: [
      [
        ['a', 'Which phone are you using?'],
        ['c', 'A Vertex Phone 12'],
      ],
    ],
  },
  {
    key: 'orderTracking',
    label: 'Order tracking',
    skill: 'orderStatus',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a06', label: 'track an order' },
    botIntent: 'order_status',
    businessCase: 'Orders',
    menu: { title: 'Order status', text: 'Where is my order?' },
    weight: 12,
    pages: 'orders',
    scenarios: [
      {
        openers: [
          'Where is my order {order}? It was supposed to arrive yesterday.',
          'My tracking number has not updated in 4 days.',
        ],
        exchanges: [
          [
            ['a', 'Let me look up order {order}.'],
            ['a', 'Your {product} shipped with {carrier}, tracking number {tracking}.'],
            ['c', 'The tracking page just says label created.'],
          ],
          [
            [
              'a',
              'It looks like the package was delayed at the {carrier} hub because of weather. The new estimated delivery date is {date}.',
            ],
            ['c', 'Ugh, I needed it for the weekend.'],
          ],
        ],
        resolution: [
          [
            'a',
            'I have refunded the shipping fee for the delay. You will get an email when the package is out for delivery.',
          ],
          ['c', 'Ok, thanks for checking.'],
        ],
        summary:
          'Order {order} ({product}) delayed at {carrier} hub; tracking {tracking}. New ETA {date}. Shipping fee refunded.',
      },
      {
        openers: ['Hi, can you tell me when my {product} will be delivered?'],
        exchanges: [
          [
            ['a', 'Your {product} (order {order}) is with {carrier}, tracking number {tracking}.'],
            ['c', 'Can I change the delivery address? I will be at work.'],
            [
              'a',
              'Since it already shipped I cannot change the address, but you can redirect it to a {carrier} pickup point from the tracking page.',
            ],
          ],
        ],
        resolution: [
          ['a', 'The package is now out for delivery and should arrive today before 8 PM.'],
          ['c', 'Awesome, thank you!'],
        ],
        summary:
          'WISMO: customer asked about order {order}. Shared tracking {tracking}, package out for delivery.',
      },
    ],
    extras: [
      [
        ['a', 'Could you confirm the shipping ZIP code for the order?'],
        ['c', '{zip}'],
      ],
    ],
  },
  {
    key: 'refundRequest',
    label: 'Refund status',
    skill: 'returns',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a07', label: 'check refund status' },
    botIntent: 'refund_status',
    businessCase: 'Returns',
    menu: { title: 'Returns & refunds', text: 'I need help with a return or refund' },
    weight: 8,
    pages: 'orders',
    scenarios: [
      {
        openers: [
          'I returned my {product} two weeks ago and still no refund.',
          'When will I get my refund for order {order}?',
        ],
        exchanges: [
          [
            [
              'a',
              'I can see the return for order {order} was received at our warehouse on {date}.',
            ],
            ['c', 'So where is my money?'],
            [
              'a',
              'The refund of {amount} was processed yesterday. Banks usually take {days} to show it.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'Your refund reference is {ticket}. If it has not arrived within {days}, share that reference with your bank.',
          ],
          ['c', 'Ok will do.'],
        ],
        summary:
          'Refund status for order {order}: refund of {amount} processed, ETA {days}. Reference {ticket}.',
      },
      {
        openers: ['The refund I got for order {order} is {amount2} short.'],
        exchanges: [
          [
            ['c', 'Why was I refunded less than I paid?'],
            [
              'a',
              'The return shipping label fee of {amount2} was deducted because the item was not defective.',
            ],
            ['c', 'Nobody mentioned a fee for returns.'],
          ],
        ],
        resolution: [
          ['a', 'As a courtesy I have refunded the return label fee of {amount2} as well.'],
          ['c', 'Thank you, I appreciate it.'],
        ],
        summary:
          'Customer disputed short refund on order {order}; return label fee {amount2} refunded as courtesy.',
      },
    ],
    extras: [],
  },
  {
    key: 'returnExchange',
    label: 'Return or exchange',
    skill: 'returns',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a08', label: 'return an item' },
    botIntent: 'return_item',
    businessCase: 'Returns',
    menu: { title: 'Returns & refunds', text: 'I need help with a return or refund' },
    weight: 8,
    pages: 'orders',
    scenarios: [
      {
        openers: [
          'I want to return the {product} I bought, it does not fit.',
          'How do I return part of order {order}?',
        ],
        exchanges: [
          [
            ['a', 'Of course. Order {order} is within the 30-day return window.'],
            ['c', 'Good. Do I need the original box?'],
            ['a', 'No box needed, just pack it securely.'],
          ],
        ],
        resolution: [
          [
            'a',
            'I have emailed a prepaid return label to {email}. Drop the package at any {carrier} location.',
          ],
          ['c', 'Got the email. Thanks!'],
        ],
        summary:
          'Return of {product} from order {order}. Prepaid {carrier} label emailed to {email}.',
      },
      {
        openers: ['Can I exchange my {product} for a different size?'],
        exchanges: [
          [
            [
              'a',
              'For an exchange I will create a new order for the new size and send you a prepaid return label for the old one.',
            ],
            ['c', 'That works.'],
          ],
        ],
        resolution: [
          [
            'a',
            'The exchange order {ticket} is created and will ship as soon as we scan your return.',
          ],
          ['c', 'Great, thank you.'],
        ],
        summary:
          'Size exchange for {product}; exchange order {ticket} created, ships on return scan.',
      },
    ],
    extras: [],
  },
  {
    key: 'planUpgrade',
    label: 'Plan upgrade',
    skill: 'sales',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a09', label: 'upgrade plan' },
    botIntent: 'upgrade_plan',
    businessCase: 'Sales',
    menu: { title: 'Plans & upgrades', text: 'I want to upgrade my plan' },
    weight: 8,
    pages: 'shop',
    scenarios: [
      {
        openers: [
          'I would like to upgrade my plan, what options do I have?',
          'Is there a faster internet plan available at my address?',
        ],
        exchanges: [
          [
            [
              'a',
              'Great question! At your address you can get Plus at $45/month or Premium Unlimited at $70/month.',
            ],
            ['c', 'What is the difference?'],
            ['a', 'Premium Unlimited adds unlimited data, 2 Gbps fiber and device protection.'],
          ],
          [
            ['c', 'Is there a contract?'],
            [
              'a',
              'No contract. You can change plans any time, and this month there is a {discount} discount for the first 6 months.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'Your upgrade to {plan} is confirmed and takes effect on your next bill. The first bill will be prorated.',
          ],
          ['c', 'Excellent, thanks!'],
        ],
        summary:
          'Upsell: customer upgraded to {plan} with {discount} promo for 6 months. Prorated first bill.',
      },
      {
        openers: ['How much is the {plan} plan?'],
        exchanges: [
          [
            [
              'a',
              'The {plan} plan is available at your address. There is a {discount} discount for the first 6 months right now.',
            ],
            ['c', 'Let me think about it, can you save the offer?'],
          ],
        ],
        resolution: [
          ['a', 'I have saved a quote for {plan} to your account so you can decide later.'],
          ['c', 'Thanks, I will think about it.'],
        ],
        summary: 'Customer asked about plan pricing; quote saved for {plan} with {discount} promo.',
      },
    ],
    extras: [],
  },
  {
    key: 'productInquiry',
    label: 'Product question',
    skill: 'sales',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a10', label: 'ask about a product' },
    botIntent: 'product_question',
    businessCase: 'Sales',
    menu: { title: 'Shopping', text: 'I have a question about a product' },
    weight: 7,
    pages: 'shop',
    scenarios: [
      {
        openers: ['Is the {product} in stock? I want to pick it up today.'],
        exchanges: [
          [
            ['a', 'The {product} is in stock online and at 3 stores near {zip}.'],
            ['c', 'Can I reserve one?'],
          ],
        ],
        resolution: [
          ['a', 'Reserved for pickup today. Bring your order number {order} to the store.'],
          ['c', 'Great, see you later.'],
        ],
        summary: 'Stock check for {product}; reserved for in-store pickup, order {order}.',
      },
      {
        openers: ['Does the {product} work with iPhone?', 'What is the warranty on the {product}?'],
        exchanges: [
          [
            ['a', 'Yes, it is compatible with iPhone and Android. Battery life is about 30 hours.'],
            ['c', 'Nice. What about the warranty?'],
            [
              'a',
              'It comes with a 2-year warranty, and you can add device protection for $4.99/month.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'I have added the {product} to your cart. You can check out whenever you are ready.',
          ],
          ['c', 'Thank you!'],
        ],
        summary: 'Pre-sale question about {product} (compatibility, warranty). Added to cart.',
      },
      {
        openers: ['Do you have any deals on the {product}?'],
        exchanges: [
          [
            ['a', 'The {product} is {discount} off this week with code SAVE{zip}.'],
            ['c', 'Oh nice, I will use that.'],
          ],
        ],
        resolution: [
          ['a', 'I have added the {product} to your cart with the discount applied.'],
          ['c', 'Thank you!'],
        ],
        summary:
          'Customer asked for deals on {product}; {discount} promo code applied, added to cart.',
      },
    ],
    extras: [],
  },
  {
    key: 'cancelSubscription',
    label: 'Cancel subscription',
    skill: 'retention',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a11', label: 'cancel service' },
    botIntent: 'cancel_service',
    businessCase: 'Retention',
    menu: { title: 'Cancel or change service', text: 'I want to cancel my service' },
    weight: 5,
    pages: 'account',
    scenarios: [
      {
        openers: [
          'I want to cancel my subscription.',
          'Your prices went up again. I want to cancel.',
        ],
        exchanges: [
          [
            ['a', 'I am sorry to hear you want to leave. May I ask what is the main reason?'],
            ['c', 'It is just too expensive now, {amount} a month.'],
          ],
          [
            [
              'a',
              'I can offer you {discount} off for 12 months, which lowers your bill by {amount2}.',
            ],
            ['c', 'Hmm. That is better. Let me think.'],
          ],
        ],
        resolution: [
          ['a', 'I have applied the retention offer of {discount} off for 12 months.'],
          ['c', 'Ok I will stay then. Thanks.'],
        ],
        summary:
          'Cancellation request due to price ({amount}/mo). Saved with {discount} retention offer for 12 months.',
      },
      {
        openers: ['Please cancel my internet service, I am moving abroad.'],
        exchanges: [
          [
            ['c', 'I am moving to another country so I really need to cancel.'],
            [
              'a',
              'Understood. I can schedule the cancellation for your moving date and send a box for the equipment return.',
            ],
          ],
        ],
        resolution: [
          [
            'a',
            'Your service will be cancelled on {date}. The equipment return box will arrive within a week.',
          ],
          ['c', 'Thank you for making it easy.'],
        ],
        summary:
          'Customer moving abroad; cancellation scheduled for {date}, equipment return box sent.',
      },
    ],
    extras: [],
  },
  {
    key: 'addressChange',
    label: 'Update account details',
    skill: 'general',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a12', label: 'update account details' },
    botIntent: 'update_details',
    businessCase: 'Account',
    menu: { title: 'Something else', text: 'Something else' },
    weight: 5,
    pages: 'account',
    scenarios: [
      {
        openers: ['I moved, how do I update my address?'],
        exchanges: [
          [
            ['a', 'Sure! What is the new address?'],
            ['c', '{street}, {city} {zip}'],
            ['a', 'Thanks, I have updated your service and billing address.'],
          ],
        ],
        resolution: [
          ['a', 'All done, your address is updated. You will get a confirmation email.'],
          ['c', 'Thanks!'],
        ],
        summary: 'Updated service and billing address to {street}, {city} {zip}.',
      },
      {
        openers: ['I need to change the email on my account.'],
        exchanges: [
          [
            ['a', 'For security I will send a verification code to your current email first.'],
            ['c', 'Got the code: 482913'],
            ['a', 'Verified. What is the new email address?'],
            ['c', '{email}'],
          ],
        ],
        resolution: [
          ['a', 'All done, your email is now {email}. You will get a confirmation there.'],
          ['c', 'Thanks!'],
        ],
        summary: 'Email address changed to {email} after verification code check.',
      },
    ],
    extras: [],
  },
  {
    key: 'vipConcierge',
    label: 'VIP concierge',
    skill: 'vip',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a13', label: 'vip request' },
    botIntent: 'vip_request',
    businessCase: 'VIP',
    menu: { title: 'Something else', text: 'Something else' },
    weight: 3,
    pages: 'shop',
    scenarios: [
      {
        openers: ['I need a replacement {product} before my trip on {date}, can you expedite?'],
        exchanges: [
          [
            [
              'a',
              'Welcome back, {name}! As a VIP member you get priority handling and free express shipping.',
            ],
            ['c', 'Great. I need it by {date}.'],
            ['a', 'I can ship it overnight so it arrives tomorrow morning.'],
          ],
        ],
        resolution: [
          [
            'a',
            'Your {product} is on its way by overnight express, order {order}. I have waived all fees.',
          ],
          ['c', 'Wonderful service as always, thank you!'],
        ],
        summary:
          'VIP request: expedited {product}, overnight shipping, fees waived. Order {order}.',
      },
      {
        openers: ['Hi, I am a VIP member. I would like early access to the new {product}.'],
        exchanges: [
          [
            ['a', 'Of course, {name}. VIP members can pre-order the {product} today.'],
            ['a', 'I can also book you a private setup session at our flagship store.'],
            ['c', 'That would be lovely.'],
          ],
        ],
        resolution: [
          ['a', 'Your pre-order {order} is confirmed and the setup session is booked for {date}.'],
          ['c', 'Wonderful, thank you!'],
        ],
        summary:
          'VIP member pre-ordered {product} (order {order}); private setup session booked for {date}.',
      },
    ],
    extras: [],
  },
  {
    key: 'spanishBilling',
    label: 'Factura (Spanish support)',
    skill: 'spanish',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a14', label: 'consulta de factura' },
    botIntent: 'consulta_factura',
    businessCase: 'Billing',
    menu: { title: 'Factura', text: 'Tengo una pregunta sobre mi factura' },
    weight: 5,
    spanish: true,
    pages: 'billing',
    scenarios: [
      {
        openers: ['Hola, me cobraron dos veces la factura {invoice}. ¿Me pueden ayudar?'],
        exchanges: [
          [
            ['a', 'Con gusto le ayudo, {name}. Estoy revisando su cuenta.'],
            ['a', 'Veo el cobro duplicado de {amount} con la tarjeta terminada en {last4}.'],
            ['c', 'Sí, exactamente. Es muy molesto.'],
          ],
          [
            ['c', '¿Cuánto tarda el reembolso?'],
            ['a', 'El reembolso tarda entre 5 y 7 días hábiles en reflejarse.'],
          ],
        ],
        resolution: [
          ['a', 'Listo, el reembolso de {amount} ya está procesado. Número de caso {ticket}.'],
          ['c', 'Muchas gracias por su ayuda.'],
        ],
        summary:
          'Cliente hispanohablante: cobro duplicado de {amount} en factura {invoice}. Reembolso procesado, caso {ticket}.',
      },
      {
        openers: ['Buenas tardes, ¿por qué mi factura de este mes es de {amount}?'],
        exchanges: [
          [
            ['a', 'La factura es más alta porque terminó el descuento promocional de {amount2}.'],
            ['c', 'Nadie me avisó de eso.'],
            ['a', 'Lo entiendo. Le puedo aplicar un crédito único de {amount2}.'],
          ],
        ],
        resolution: [
          ['a', 'Apliqué el crédito de {amount2} a su próxima factura.'],
          ['c', 'Perfecto, gracias.'],
        ],
        summary:
          'Consulta de factura en español; descuento promocional vencido, crédito único de {amount2} aplicado.',
      },
    ],
    extras: [],
  },
  {
    key: 'damagedDelivery',
    label: 'Damaged delivery',
    skill: 'returns',
    intent: { name: '7c1e2a40-91d3-4b6e-a0f2-3d8c5b9e1a15', label: 'report damaged item' },
    botIntent: 'damaged_item',
    businessCase: 'Returns',
    menu: { title: 'Returns & refunds', text: 'I need help with a return or refund' },
    weight: 5,
    pages: 'orders',
    scenarios: [
      {
        openers: [
          'My {product} arrived damaged. The box was crushed.',
          'The package from order {order} came broken.',
        ],
        exchanges: [
          [
            ['a', 'I am so sorry! Could you send a photo of the damage and the box?'],
            ['c', 'Here is a photo'],
            ['c', '@image:damagedBox'],
            ['a', 'Thank you, that is clearly carrier damage.'],
          ],
          [
            ['c', 'I need this for a gift on {date}, I am really upset.'],
            ['a', 'I completely understand. I will ship the replacement by express at no cost.'],
          ],
        ],
        resolution: [
          [
            'a',
            'A replacement {product} ships today by express, order {ticket}. No need to return the damaged one.',
          ],
          ['c', 'Thank you, that is a relief.'],
        ],
        summary:
          'Damaged delivery ({product}, order {order}); photo received. Express replacement {ticket}, no return needed.',
      },
      {
        openers: ['My {product} arrived with a cracked casing, I want my money back.'],
        exchanges: [
          [
            ['a', 'I am sorry about that. Could you send a photo of the damage?'],
            ['c', '@image:damagedBox'],
            ['a', 'Thanks, I can see the damage.'],
          ],
        ],
        resolution: [
          ['a', 'I have filed a damage claim with {carrier} and issued a full refund of {amount}.'],
          ['c', 'Ok, thanks.'],
        ],
        summary:
          'Carrier damage on {product} (order {order}); damage claim filed with {carrier}, full refund {amount} issued.',
      },
    ],
    extras: [],
  },
]

export const TOPIC_WEIGHTS: readonly number[] = TOPICS.map((t) => t.weight)

export function topicByKey(key: TopicKey): Topic {
  const topic = TOPICS.find((t) => t.key === key)
  if (!topic) throw new Error(`unknown topic ${key}`)
  return topic
}

/** Generic agent/consumer lines used to pad a conversation to its planned length. */
export const FILLERS_EN: readonly (readonly Turn[])[] = [
  [['a', 'One moment while I pull that up.']],
  [['a', 'Thanks for your patience, {name}.']],
  [
    ['c', 'ok'],
    ['a', 'Still checking, almost there.'],
  ],
  [
    ['c', 'Are you still there?'],
    ['a', 'Yes, sorry for the wait. I am checking with the {dept} team.'],
  ],
  [
    ['a', 'Just to confirm, is the email on the account {email}?'],
    ['c', 'Yes that is right'],
  ],
  [
    ['a', 'I have added a note to your account so anyone you talk to next has the full history.'],
    ['c', 'Appreciate it'],
  ],
  [
    ['c', 'How long will this take?'],
    ['a', 'Only a couple more minutes.'],
  ],
  [
    ['c', 'one sec'],
    ['c', 'ok back'],
  ],
  [
    ['a', 'Is there a good number to reach you if we get disconnected?'],
    ['c', '{phone}'],
  ],
  [
    ['c', 'Thanks'],
    ['a', 'Of course!'],
  ],
]

export const FILLERS_ES: readonly (readonly Turn[])[] = [
  [['a', 'Un momento por favor, estoy revisando.']],
  [['a', 'Gracias por su paciencia, {name}.']],
  [
    ['c', 'ok'],
    ['a', 'Ya casi termino.'],
  ],
  [
    ['c', '¿Sigue ahí?'],
    ['a', 'Sí, disculpe la demora.'],
  ],
  [
    ['a', '¿Me confirma el correo de la cuenta, {email}?'],
    ['c', 'Sí, es correcto'],
  ],
]

export const GREETINGS_EN: readonly string[] = [
  'Hi {name}, thanks for reaching out! My name is {agent}. Let me take a look.',
  'Hello {name}, this is {agent} from the {dept} team. I am happy to help with that.',
  'Hi there! {agent} here. Sorry for the trouble, let me check your account.',
  'Thanks for waiting, {name}. I am {agent} and I will take care of this for you.',
]

export const GREETINGS_ES: readonly string[] = [
  'Hola {name}, gracias por escribirnos. Mi nombre es {agent}, ¿en qué le puedo ayudar?',
  'Buenas, {name}. Soy {agent} del equipo de soporte en español.',
]

export const CLOSINGS_EN: readonly (readonly Turn[])[] = [
  [
    ['a', 'Is there anything else I can help you with today?'],
    ['c', 'No, that is everything. Thanks {agent}!'],
    ['a', 'You are welcome, {name}! Have a great day.'],
  ],
  [
    ['a', 'Anything else I can do for you?'],
    ['c', 'Nope, all good'],
    ['a', 'Thanks for contacting Acme. Take care!'],
  ],
]

export const CLOSINGS_ES: readonly (readonly Turn[])[] = [
  [
    ['a', '¿Hay algo más en lo que le pueda ayudar?'],
    ['c', 'No, eso es todo. ¡Gracias!'],
    ['a', 'Con mucho gusto, {name}. ¡Que tenga buen día!'],
  ],
]
