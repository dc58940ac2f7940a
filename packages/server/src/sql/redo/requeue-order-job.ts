/**
 * Runs ended order $1's job again now, with fresh attempts; the job_queue trigger wakes a worker.
 * The job works from the order's open items, so it redraws only the reopened one.
 */
export const REQUEUE_ORDER_JOB = `
update job_queue
set status = 'queued', attempts = 0, run_after = now(), completed_at = null, updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where order_id = $1 and status in ('completed', 'failed')
returning id
`;
