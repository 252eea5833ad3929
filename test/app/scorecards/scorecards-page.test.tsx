import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse } from 'msw'
import { beforeEach, expect, test } from 'vitest'
import { scorecardDefinitionSchema, SCORE_RULE } from '@/domain/schema/reviews'
import { apiError, buildUser, recordRequests, signedInAs } from '../auth/auth-api'
import { renderRoute } from '../render-route'
import { buildScorecard, recordPuts, serveScorecards } from '../reviews/reviews-api'
import { useSearchApi } from '../search/search-api'

beforeEach(() => {
  window.localStorage.setItem('cv.timeZone', 'utc')
  useSearchApi()
})

const small = {
  name: 'Chat basics',
  description: 'Two checks',
  sections: [
    {
      id: 'opening',
      name: 'Opening',
      criteria: [
        { id: 'greeting', name: 'Greeting', scale: { kind: 'yes-no' as const }, weight: 1 },
        { id: 'tone', name: 'Tone', scale: { kind: 'one-to-five' as const }, weight: 3 },
      ],
    },
  ],
}

const jsonFile = (name: string, body: unknown) =>
  new File([typeof body === 'string' ? body : JSON.stringify(body)], name, {
    type: 'application/json',
  })

test('someone who is not an admin is told who may manage scorecards', async () => {
  signedInAs(buildUser({ role: 'reviewer' }))
  await renderRoute('/scorecards')
  expect(await screen.findByRole('alert')).toHaveTextContent('Only admins can manage scorecards.')
})

test('the list shows each scorecard with its version, criteria, reviews and state; exports are downloads', async () => {
  signedInAs(buildUser({ role: 'admin' }))
  serveScorecards([
    { card: buildScorecard({ version: 3 }), reviews: 12 },
    { card: buildScorecard({ id: 2, uid: 'u2', archived: true, definition: small }), reviews: 0 },
  ])
  await renderRoute('/scorecards')
  const table = await screen.findByRole('table', { name: 'Scorecards' })
  const [first, second] = within(table).getAllByRole('row').slice(1)
  expect(
    within(first!)
      .getAllByRole('cell')
      .slice(0, 5)
      .map((cell) => cell.textContent),
  ).toEqual(['LivePerson messaging', '3', '8', '12', 'In use'])
  expect(second).toHaveTextContent('Archived')
  const exportLink = within(first!).getByRole('link', {
    name: 'Export LivePerson messaging as JSON',
  })
  expect(exportLink).toHaveAttribute('href', '/api/scorecards/1/export')
  expect(exportLink).toHaveAttribute('download')
  expect(within(second!).getByRole('button', { name: 'Restore Chat basics' })).toBeInTheDocument()
  // The rule is on the page.
  expect(screen.getByText(SCORE_RULE)).toBeInTheDocument()
})

test('in local mode the one user manages scorecards; archive and restore go to the server', async () => {
  const user = userEvent.setup()
  const card = buildScorecard({ definition: small })
  serveScorecards([{ card, reviews: 2 }])
  const patches = recordRequests('patch', '*/api/scorecards/:id', (request) =>
    HttpResponse.json({ ...card, archived: (request.body as { archived: boolean }).archived }),
  )
  await renderRoute('/scorecards')
  await user.click(await screen.findByRole('button', { name: 'Archive Chat basics' }))
  await waitFor(() => expect(patches).toHaveLength(1))
  expect(patches[0]?.path).toBe('/api/scorecards/1')
  expect(patches[0]?.body).toEqual({ archived: true })
  expect(await screen.findByRole('status')).toHaveTextContent('Chat basics is archived')
})

test('the editor checks the scorecard with the schema: each field says what is wrong, and nothing is sent', async () => {
  const user = userEvent.setup()
  serveScorecards([])
  const posts = recordRequests('post', '*/api/scorecards', () => apiError(500, 'must not be sent'))
  const { router } = await renderRoute('/scorecards')
  await user.click(await screen.findByRole('button', { name: 'New scorecard' }))
  await waitFor(() => expect(router.state.location.search).toEqual({ edit: 'new' }))
  const form = await screen.findByRole('form', { name: 'New scorecard' })
  const weight = within(form).getByLabelText('Weight')
  await user.clear(weight)
  await user.type(weight, '0')
  await user.click(within(form).getByRole('button', { name: 'Create scorecard' }))

  const summary = await within(form).findByRole('alert')
  expect(summary).toHaveTextContent('4 things to fix before saving')
  expect(summary).toHaveTextContent('Scorecard name: must not be empty')
  expect(summary).toHaveTextContent('Section 1 › name: must not be empty')
  expect(summary).toHaveTextContent('Section 1 › criterion 1 › name: must not be empty')
  expect(summary).toHaveTextContent('Section 1 › criterion 1 › weight: at least 0.1')
  const name = within(form).getByLabelText('Scorecard name')
  expect(name).toHaveAttribute('aria-invalid', 'true')
  expect(name).toHaveAccessibleDescription('must not be empty')
  expect(within(form).getByLabelText('Weight')).toHaveAccessibleDescription('at least 0.1')
  await waitFor(() => expect(summary).toHaveFocus())

  // Fixing a field clears its message at once.
  await user.type(name, 'Chat basics')
  expect(name).not.toHaveAttribute('aria-invalid')
  expect(within(form).getByRole('alert')).toHaveTextContent('3 things to fix')
  expect(posts).toHaveLength(0)
})

test('a new scorecard: sections and criteria added, a custom scale, reordered, then created', async () => {
  const user = userEvent.setup()
  serveScorecards([])
  const posts = recordRequests('post', '*/api/scorecards', (request) =>
    HttpResponse.json(
      buildScorecard({
        id: 7,
        uid: 'u7',
        definition: scorecardDefinitionSchema.parse(request.body),
      }),
      { status: 201 },
    ),
  )
  const { router } = await renderRoute('/scorecards?edit=new')
  const form = await screen.findByRole('form', { name: 'New scorecard' })
  await user.type(within(form).getByLabelText('Scorecard name'), 'Chat basics')
  await user.type(within(form).getByLabelText('Section name'), 'Opening')
  await user.type(within(form).getByLabelText('Criterion name'), 'Greeting')
  await user.click(within(form).getByRole('button', { name: 'Add a criterion to Opening' }))
  const second = within(form).getByRole('listitem', { name: 'Criterion 2: Criterion 2' })
  await user.type(within(second).getByLabelText('Criterion name'), 'Resolution')
  await user.selectOptions(within(second).getByLabelText('Scale'), 'Custom points')
  await user.type(within(second).getByLabelText('Point 1 label'), ' fully')
  await user.click(within(second).getByRole('button', { name: 'Add a point' }))
  await user.type(within(second).getByLabelText('Point 3 label'), 'Partly')
  const points = within(second).getAllByLabelText('Points')
  await user.clear(points[2]!)
  await user.type(points[2]!, '0.5')
  await user.click(within(second).getByRole('button', { name: 'Move point 3 “Partly” up' }))
  await user.click(within(second).getByRole('checkbox', { name: 'Critical' }))
  await user.click(within(form).getByRole('button', { name: 'Move criterion “Resolution” up' }))
  await user.click(within(form).getByRole('button', { name: 'Create scorecard' }))

  await waitFor(() => expect(posts).toHaveLength(1))
  expect(posts[0]?.body).toEqual({
    name: 'Chat basics',
    description: '',
    sections: [
      {
        id: 'opening',
        name: 'Opening',
        criteria: [
          {
            id: 'resolution',
            name: 'Resolution',
            guidance: '',
            scale: {
              kind: 'custom',
              points: [
                { key: 'met-fully', label: 'Met fully', points: 1, fail: false },
                { key: 'partly', label: 'Partly', points: 0.5, fail: false },
                { key: 'not-met', label: 'Not met', points: 0, fail: true },
              ],
            },
            weight: 1,
            allowNa: false,
            critical: true,
          },
          {
            id: 'greeting',
            name: 'Greeting',
            guidance: '',
            scale: { kind: 'yes-no' },
            weight: 1,
            allowNa: false,
            critical: false,
          },
        ],
      },
    ],
  })
  await waitFor(() => expect(router.state.location.search).toEqual({ edit: '7' }))
  expect(await screen.findByRole('status')).toHaveTextContent('Created Chat basics.')
})

test('editing a scorecard that reviews use says it becomes a new version, and sends the version edited', async () => {
  const user = userEvent.setup()
  const card = buildScorecard({ version: 3, definition: small })
  serveScorecards([{ card, reviews: 12 }])
  const puts = recordPuts('*/api/scorecards/:id', (request) => {
    const body = request.body as { version: number; definition: unknown }
    return HttpResponse.json(
      buildScorecard({ version: 4, definition: scorecardDefinitionSchema.parse(body.definition) }),
    )
  })
  await renderRoute('/scorecards')
  await user.click(await screen.findByRole('link', { name: 'Edit Chat basics' }))
  const form = await screen.findByRole('form', { name: /^Edit “Chat basics”/ })
  expect(form).toHaveTextContent(
    '12 reviews use this version, so saving makes a new one: this scorecard will become version 4; existing reviews keep version 3.',
  )
  const tone = within(form).getByRole('listitem', { name: 'Criterion 2: Tone' })
  await user.clear(within(tone).getByLabelText('Criterion name'))
  await user.type(within(tone).getByLabelText('Criterion name'), 'Tone and empathy')
  await user.click(within(form).getByRole('button', { name: 'Save scorecard' }))
  await waitFor(() => expect(puts).toHaveLength(1))
  const body = puts[0]?.body as { version: number; definition: typeof small }
  expect(body.version).toBe(3)
  // A renamed criterion keeps its ID: reviews and exports name it by that.
  expect(body.definition.sections[0]?.criteria.map((c) => [c.id, c.name])).toEqual([
    ['greeting', 'Greeting'],
    ['tone', 'Tone and empathy'],
  ])
  expect(await screen.findByRole('status')).toHaveTextContent(
    'Saved Chat basics as version 4; existing reviews keep version 3.',
  )
})

test('a version no review uses is changed in place; a save refused because someone saved first says so', async () => {
  const user = userEvent.setup()
  serveScorecards([
    { card: buildScorecard({ version: 2, definition: small }), reviews: 5, latestReviews: 0 },
  ])
  recordPuts('*/api/scorecards/:id', () => apiError(409, 'Version 2 is not the latest'))
  await renderRoute('/scorecards?edit=1')
  const form = await screen.findByRole('form', { name: /^Edit “Chat basics”/ })
  // Reviews of version 1 do not make a version 3: version 2 is changed in place.
  expect(form).toHaveTextContent(
    'No review uses version 2 yet: saving changes it in place. The 5 reviews of older versions keep theirs.',
  )
  await user.click(within(form).getByRole('button', { name: 'Save scorecard' }))
  expect(await within(form).findByRole('alert')).toHaveTextContent(
    'Someone saved this scorecard since you opened it',
  )
})

test('importing a file the schema refuses names the field and sends nothing; a good one is created', async () => {
  const user = userEvent.setup()
  serveScorecards([])
  const imported = buildScorecard({ id: 9, uid: 'u9', definition: small })
  recordRequests('get', '*/api/scorecards/9', () => HttpResponse.json(imported))
  const posts = recordRequests('post', '*/api/scorecards', () =>
    HttpResponse.json(imported, { status: 201 }),
  )
  const { router } = await renderRoute('/scorecards')
  const input = await screen.findByLabelText('Import from JSON file')

  const bad = structuredClone(small) as unknown as {
    sections: { criteria: { weight: unknown }[] }[]
  }
  bad.sections[0]!.criteria[1]!.weight = 'heavy'
  await user.upload(input, jsonFile('bad.scorecard.json', bad))
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('bad.scorecard.json is not a scorecard this app can import')
  expect(alert).toHaveTextContent('sections.0.criteria.1.weight: must be a number')

  await user.upload(input, jsonFile('notes.json', '{"name": "half'))
  expect(await screen.findByRole('alert')).toHaveTextContent('notes.json is not JSON')
  expect(posts).toHaveLength(0)

  await user.upload(input, jsonFile('good.scorecard.json', small))
  await waitFor(() => expect(posts).toHaveLength(1))
  expect(posts[0]?.body).toEqual(scorecardDefinitionSchema.parse(small))
  await waitFor(() => expect(router.state.location.search).toEqual({ edit: '9' }))
  expect(screen.queryByText(/is not a scorecard|is not JSON/)).toBeNull()
  expect(await screen.findByRole('status')).toHaveTextContent(
    'Imported Chat basics as a new scorecard.',
  )
})

test('the score rule and each criterion’s share of the score show beside the editor', async () => {
  serveScorecards([{ card: buildScorecard({ definition: small }), reviews: 0 }])
  await renderRoute('/scorecards?edit=1')
  const rule = await screen.findByRole('region', { name: 'How the score is computed' })
  expect(rule).toHaveTextContent(SCORE_RULE)
  const shares = within(rule)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent)
  expect(shares).toEqual(['Greeting25%', 'Tone75%'])
})
