/** Fails items ($1 uuid[]) that were not delivered, with reason $2. */
export const FAIL_ITEMS = `
update order_items set status = 'failed', error = $2, updated_at = now()
where id = any($1::uuid[]) and status in ('pending', 'running')
returning id, order_id, sequence_number, type, status, error, updated_at
`;
