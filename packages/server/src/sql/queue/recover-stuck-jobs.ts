/**
 * Stuck jobs: running past their lease (the worker died or hung), or parked on a provider past it
 * (its webhook was lost and no poll ran). Requeued when attempts remain (a parked one keeps its
 * provider_ref, so the next run checks that render instead of paying for a new one),
 * failed with a reason otherwise. Both are states the schema accepts (the original cleanup wrote
 * one its constraints rejected). Returns the failed ones so their orders can be finished
 * and their renders (provider_ref, and per-item `renders`) canceled.
 */
export const RECOVER_STUCK_JOBS = `
update job_queue
set status = case when attempts < max_attempts then 'queued' else 'failed' end,
    run_after = now(),
    last_error = case when attempts < max_attempts then coalesce(last_error, 'lease expired')
                      else 'lease expired after ' || attempts || ' attempts' end,
    completed_at = case when attempts < max_attempts then null else now() end,
    updated_at = now(), locked_at = null, locked_by = null, lease_expires_at = null
where status in ('running', 'waiting') and lease_expires_at < now()
returning id, order_id, type, status, attempts, max_attempts, provider, provider_ref,
          payload->'providerRenders' as renders
`;
