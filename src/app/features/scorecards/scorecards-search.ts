/** The `/scorecards` URL contract: `edit`, the scorecard open in the editor (its ID, or `new`). */
export type ScorecardsSearch = Partial<Record<'edit', string>>
