/**
 * Milliseconds until the next queued job becomes due (null when none is queued), measured on the
 * database clock, so an idle worker can set one timer instead of polling and clock skew between
 * machines does not matter.
 */
export const NEXT_RUN_AFTER = `
select extract(epoch from (min(run_after) - now())) * 1000 as delay_ms
from job_queue where status = 'queued'
`;
