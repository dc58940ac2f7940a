/** Ends a claimed job whose order was canceled. $1 id, $2 attempts (claim token), $3 worker. */
export const CANCEL_JOB = `
update job_queue
set status = 'canceled', completed_at = now(), updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where id = $1 and attempts = $2 and locked_by = $3 and status = 'running'
returning id
`;
