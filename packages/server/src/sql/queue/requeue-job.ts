/**
 * Puts a claimed job back after a retryable failure, with exponential backoff:
 * run_after = now + 2^attempts × base ($4 ms), or the provider's Retry-After ($5 ms) when longer.
 * $1 id, $2 attempts (claim token), $3 worker, $6 error.
 */
export const REQUEUE_JOB = `
update job_queue
set status = 'queued',
    run_after = now() + make_interval(secs => greatest(power(2, attempts) * $4::double precision, coalesce($5::double precision, 0)) / 1000),
    last_error = $6, updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where id = $1 and attempts = $2 and locked_by = $3 and status = 'running'
returning id, run_after
`;
