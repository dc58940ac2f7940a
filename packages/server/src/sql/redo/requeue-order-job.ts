/**
 * Runs ended order $1's job again now, with fresh attempts; the job_queue trigger wakes a worker.
 * The job works from the order's open items, so it redraws only the reopened one.
 */
export const REQUEUE_ORDER_JOB = `
update job_queue
set status = 'queued', attempts = 0, run_after = now(), completed_at = null, updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null,
    -- The renders of the last run are done with: the redone item renders anew, never its old output.
    provider = null, provider_ref = null, provider_canceled_at = null,
    payload = payload - 'providerRenders' - 'providerResults' - 'providerResult' - 'providerStartedAt'
where order_id = $1 and status in ('completed', 'failed')
returning id
`;
