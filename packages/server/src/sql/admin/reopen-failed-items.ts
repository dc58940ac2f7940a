/** Puts an order's failed items back to pending for a retry. $1 order id. */
export const REOPEN_FAILED_ITEMS = `
update order_items set status = 'pending', error = null, updated_at = now()
where order_id = $1 and status = 'failed'
returning id, order_id, sequence_number, type, status, error, updated_at
`;
