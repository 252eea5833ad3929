/**
 * The `/reviews` URL contract: the filters, the sort and the page, each optional text (absent
 * means "any", or the default): `state`, `reviewer`, `agent`, `scorecard` (comma lists),
 * `minScore`/`maxScore`, `disputed`, `from`/`to` (epoch ms, so a link means the same whatever
 * clock its reader picked), `sort`/`order`, `offset`/`limit`. Loose in the route, exact in the
 * page (`reviewsQuery`, through the API's own `reviewListQuerySchema`).
 */
export type ReviewsSearch = Partial<
  Record<
    | 'state'
    | 'reviewer'
    | 'agent'
    | 'scorecard'
    | 'minScore'
    | 'maxScore'
    | 'disputed'
    | 'from'
    | 'to'
    | 'sort'
    | 'order'
    | 'offset'
    | 'limit',
    string
  >
>
