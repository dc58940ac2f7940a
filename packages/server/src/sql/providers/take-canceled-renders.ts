/**
 * Renders still running at a provider although their job was canceled (the order was canceled
 * while parked, or while a worker waited on the provider): marked once, so exactly one worker
 * cancels them at the provider, and returned with every per-item render the job was parked on
 * (`renders`, null for a video). Up to $1 jobs at a time.
 */
export const TAKE_CANCELED_RENDERS = `
  update job_queue j
  set provider_canceled_at = now()
  from (
    select id from job_queue
    where status = 'canceled' and provider_ref is not null and provider_canceled_at is null
    order by updated_at
    limit $1
    for update skip locked
  ) due
  where j.id = due.id
  returning j.id, j.order_id, j.type, j.provider, j.provider_ref, j.payload->'providerRenders' as renders
`;
