/**
 * Claims up to $2 due jobs for worker $1 with a lease of $3 milliseconds: one statement, the
 * `claim_jobs` function written out in claim-jobs-function.ts beside this file (a function so that
 * its plan can be pinned to the ordered index walk; the reason is written there).
 * Highest priority first (brands on higher plans), then oldest, and the rows come back in that
 * order (UPDATE ... RETURNING has none of its own): a batch claimed ahead runs in it.
 * FOR UPDATE SKIP LOCKED: any number of workers claim at once and never take the same row.
 * `attempts + 1` makes (id, attempts) the token of this claim, which every later write checks.
 * `provider`/`provider_ref` are set when the job was parked on a provider's render: the worker
 * then checks that render instead of starting one.
 */
export const CLAIM_JOBS = `
select id, user_id, brand_id, order_id, type, kind, payload, priority, attempts, max_attempts, created_at,
  provider, provider_ref
from claim_jobs($1, $2, $3)
order by priority desc, created_at, id
`;
