/** Fails every undelivered item of order $1 with reason $2 (the order is ending). */
export const FAIL_OPEN_ITEMS = `
update order_items set status = 'failed', error = $2, updated_at = now()
where order_id = $1 and status in ('pending', 'running')
returning id, order_id, sequence_number, type, status, error, updated_at
`;
