/**
 * Cancels an order's unfinished jobs and drops their lease, so no worker picks them up again; a
 * worker still rendering one sees the status when it tries to finish. $1 order id.
 */
export const CANCEL_ORDER_JOBS = `
  update job_queue set status = 'canceled', locked_at = null, locked_by = null,
    lease_expires_at = null, updated_at = now(), completed_at = now()
  where order_id = $1 and status in ('queued', 'running', 'waiting')
  returning id
`;
