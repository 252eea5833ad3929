import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { renderRoute } from '../render-route'
import { mockDetail, SEED_ID, seed, simpleRecord, useUtc } from './conversation-fixtures'

function group(name: string): HTMLElement {
  return screen.getByRole('region', { name: new RegExp(`^${name}`) })
}

function valueOf(container: HTMLElement, label: string): HTMLElement {
  const term = within(container).getByText(label, { selector: 'dt' })
  const value = term.nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return value
}

test('the seed attributes are grouped by type under the ten headings, in order', async () => {
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=attributes`)
  const body = await screen.findByRole('tabpanel')
  expect(
    within(body)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent),
  ).toEqual([
    'Customer info(2, newest first)',
    'Personal info(2, newest first)',
    'Cart status',
    'Purchase',
    'Marketing campaign',
    'Search content',
    'Viewed product',
    'Visitor error',
    'Lead',
    'Service activity',
  ])
  expect(screen.getByRole('tab', { name: /Engagement attributes/ })).toHaveTextContent('12')
})

test('values have real types: amounts with currency, dates, products, keywords, contacts', async () => {
  useUtc()
  mockDetail([seed()])
  await renderRoute(`/conversations/${SEED_ID}?tab=attributes`)
  await screen.findByRole('tabpanel')

  const customer = group('Customer info')
  const [newest, older] = within(customer).getAllByRole('listitem')
  if (!newest || !older) throw new Error('expected two customer info events')
  // Newest first: the unauthenticated 2018 event, then the authenticated 2017 one.
  expect(newest).toHaveTextContent('Unauthenticated2018-06-10 11:02:16')
  expect(older).toHaveTextContent('Authenticated2017-06-19 11:21:31')
  expect(valueOf(newest, 'Balance')).toHaveTextContent('-$400.99')
  expect(within(valueOf(newest, 'Last payment date')).getByText('2014-10-15')).toHaveAttribute(
    'dateTime',
    '2014-10-15',
  )
  expect(valueOf(newest, 'Company size')).toHaveTextContent('2,222')

  const cart = group('Cart status')
  expect(valueOf(cart, 'Total')).toHaveTextContent('$11.70')
  const table = within(cart).getByRole('table', { name: 'Products' })
  const rows = within(table).getAllByRole('row')
  expect(
    within(rows[0] ?? table)
      .getAllByRole('columnheader')
      .map((c) => c.textContent),
  ).toEqual(['Product', 'Category', 'Qty', 'Price'])
  expect(
    within(rows[1] ?? table)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['prod1sku', 'category', '1', '$7.80'])

  const keywords = within(group('Search content')).getByRole('list', { name: 'Keywords' })
  expect(
    within(keywords)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['word'])

  const personal = within(group('Personal info')).getAllByRole('listitem')[0]
  if (!personal) throw new Error('no personal info')
  expect(within(personal).getByRole('list', { name: 'Contacts' })).toHaveTextContent(
    'myname@example.com · +1 212-788-8877',
  )
  expect(valueOf(personal, 'Age')).toHaveTextContent('34')
  expect(valueOf(personal, 'Date of birth')).toHaveTextContent('1980-04-15')

  expect(valueOf(group('Purchase'), 'Total')).toHaveTextContent('78.00')
  expect(valueOf(group('Lead'), 'Value')).toHaveTextContent('22.22')
  expect(valueOf(group('Marketing campaign'), 'Affiliate')).toHaveTextContent('Yahoo')
})

test('a 50,000-character value is cut with an expander that shows all of it', async () => {
  const user = userEvent.setup()
  const long = `${'a'.repeat(49_990)}THE-END-1`
  mockDetail([
    simpleRecord('long-sde', [], {
      unAuthSdes: {
        events: [
          {
            sdeType: 'SERVICE_ACTIVITY',
            serverTimeStamp: '1700000000000',
            serviceActivity: { serviceActivity: { topic: long } },
          },
        ],
      },
    }),
  ])
  await renderRoute('/conversations/long-sde?tab=attributes')
  const topic = valueOf(await screen.findByRole('region', { name: /^Service activity/ }), 'Topic')
  expect(topic).not.toHaveTextContent('THE-END-1')
  expect(topic.textContent?.length).toBeLessThan(1000)
  const expand = within(topic).getByRole('button', {
    name: 'Show all 49,999 characters of Topic',
  })
  expect(expand).toHaveAttribute('aria-expanded', 'false')
  await user.click(expand)
  expect(topic).toHaveTextContent('THE-END-1')
  expect(within(topic).getByRole('button', { name: 'Show less of Topic' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
})

test('hostile attribute values render as inert text', async () => {
  const hostile = [
    '<script>window.__pwned = true</script>',
    '<img src=x onerror="window.__pwned = true">',
    'javascript:window.__pwned=true',
  ]
  mockDetail([
    simpleRecord('hostile-sde', [], {
      unAuthSdes: {
        events: hostile.map((text, index) => ({
          sdeType: 'VISITOR_ERROR',
          serverTimeStamp: String(1700000000000 + index),
          visitorError: { visitorError: { message: text, code: text } },
        })),
      },
    }),
  ])
  const { container } = await renderRoute('/conversations/hostile-sde?tab=attributes')
  const errors = await screen.findByRole('region', { name: /^Visitor error/ })
  for (const text of hostile) {
    expect(within(errors).getAllByText(text).length).toBe(2)
  }
  expect(container.querySelector('img')).toBeNull()
  expect(container.querySelector('script')).toBeNull()
  expect(within(errors).queryByRole('link')).toBeNull()
  expect(Reflect.get(window, '__pwned')).toBeUndefined()
})
