/** Fails a claimed job for good, keeping the reason. $1 id, $2 attempts (claim token), $3 worker, $4 error. */
export const FAIL_JOB = `
update job_queue
set status = 'failed', last_error = $4, completed_at = now(), updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where id = $1 and attempts = $2 and locked_by = $3 and status = 'running'
returning id
`;
