/**
 * Hands a claimed job back untouched (graceful shutdown): queued, due now, and the attempt it was
 * claimed with is given back since the work was interrupted, not failed.
 * $1 id, $2 attempts (claim token), $3 worker.
 */
export const RELEASE_JOB = `
update job_queue
set status = 'queued', attempts = greatest(attempts - 1, 0), run_after = now(), updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where id = $1 and attempts = $2 and locked_by = $3 and status = 'running'
returning id
`;
