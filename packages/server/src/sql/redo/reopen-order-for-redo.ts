/**
 * Reopens ended order $1 (completed or partial) for one redone image: pending again and unsettled,
 * with $2 images newly reserved on top of what it was charged, so the redo is charged or released
 * exactly once, like a new order's items.
 */
export const REOPEN_ORDER_FOR_REDO = `
update orders
set status = 'pending', settled_at = null, completed_at = null, updated_at = now(),
    reserved_images = charged_images + $2, reserved_reels = charged_reels, reserved_woofs = charged_woofs
where id = $1 and status in ('completed', 'partial')
returning id
`;
