/** Marks item $1 delivered. No row when it already was: the caller then charges nothing. */
export const COMPLETE_ITEM = `
update order_items set status = 'completed', error = null, updated_at = now()
where id = $1 and status in ('pending', 'running')
returning id, order_id, sequence_number, type, status, error, updated_at
`;
