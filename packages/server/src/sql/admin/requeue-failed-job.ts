/** An operator's retry: the failed job runs again now, with a fresh set of attempts. $1 job id. */
export const REQUEUE_FAILED_JOB = `
update job_queue
set status = 'queued', attempts = 0, run_after = now(), completed_at = null, updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where id = $1 and status = 'failed'
returning id
`;
