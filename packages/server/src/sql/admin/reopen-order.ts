/**
 * Reopens an ended (failed or partial) order for a retry: pending again, and unsettled so the
 * quota reserved for the retried items is charged or released exactly once, like a new order's.
 * $1 order id, $2 images, $3 reels, $4 woofs newly reserved.
 */
export const REOPEN_ORDER = `
update orders
set status = 'pending', settled_at = null, completed_at = null, updated_at = now(),
    reserved_images = charged_images + $2, reserved_reels = charged_reels + $3,
    reserved_woofs = charged_woofs + $4
where id = $1 and status in ('failed', 'partial')
returning id
`;
