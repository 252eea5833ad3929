import type { ScorecardDefinitionInput } from '@/domain/schema/reviews'

/**
 * The scorecard a new install starts with (issue 13): LivePerson messaging, from greeting to
 * closing. Verification and compliance are critical: a fail there makes the review 0.
 */
export const DEFAULT_SCORECARD: ScorecardDefinitionInput = {
  name: 'LivePerson messaging',
  description:
    'A general scorecard for messaging conversations: how the agent opened, understood, solved and closed, and whether they kept to policy.',
  sections: [
    {
      id: 'opening',
      name: 'Opening',
      criteria: [
        {
          id: 'greeting',
          name: 'Greeting',
          guidance:
            'Greets the consumer promptly and by name when known, introduces themselves, and picks up from the bot or the previous agent without making the consumer repeat themselves.',
          scale: { kind: 'one-to-five' },
          weight: 1,
        },
        {
          id: 'verification',
          name: 'Verification',
          guidance:
            'Verifies the consumer’s identity as policy requires before discussing or changing the account. Not applicable when the conversation needs no account access.',
          scale: { kind: 'yes-no' },
          weight: 2,
          allowNa: true,
          critical: true,
        },
      ],
    },
    {
      id: 'handling',
      name: 'Handling',
      criteria: [
        {
          id: 'discovery',
          name: 'Discovery',
          guidance:
            'Asks the questions needed to understand the real need, and confirms it before acting.',
          scale: { kind: 'one-to-five' },
          weight: 2,
        },
        {
          id: 'accuracy',
          name: 'Accuracy',
          guidance:
            'Everything the agent says is correct and complete: prices, policies, steps, links.',
          scale: { kind: 'one-to-five' },
          weight: 3,
        },
        {
          id: 'resolution',
          name: 'Resolution',
          guidance:
            'Solves the need in this conversation, or sets a clear next step with the consumer (transfer with context, follow-up, case number).',
          scale: {
            kind: 'custom',
            points: [
              { key: 'resolved', label: 'Resolved', points: 2 },
              { key: 'next-step', label: 'Clear next step', points: 1 },
              { key: 'unresolved', label: 'Unresolved', points: 0, fail: true },
            ],
          },
          weight: 3,
        },
        {
          id: 'empathy',
          name: 'Empathy and tone',
          guidance:
            'Acknowledges how the consumer feels, writes in a warm, plain and professional tone, and adapts to the consumer’s language.',
          scale: { kind: 'one-to-five' },
          weight: 2,
        },
      ],
    },
    {
      id: 'policy',
      name: 'Policy',
      criteria: [
        {
          id: 'compliance',
          name: 'Compliance',
          guidance:
            'Follows policy and law: no card numbers or passwords asked for in the chat, required disclosures given, no promises outside policy.',
          scale: { kind: 'yes-no' },
          weight: 2,
          critical: true,
        },
      ],
    },
    {
      id: 'closing',
      name: 'Closing',
      criteria: [
        {
          id: 'closing',
          name: 'Closing',
          guidance:
            'Checks whether anything else is needed, summarises what was done, and closes politely (or hands over cleanly when transferring).',
          scale: { kind: 'one-to-five' },
          weight: 1,
          allowNa: true,
        },
      ],
    },
  ],
}
