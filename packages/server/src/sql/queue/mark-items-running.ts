/** pending -> running for the items a job is about to render. $1 uuid[]. */
export const MARK_ITEMS_RUNNING = `
update order_items set status = 'running', updated_at = now()
where id = any($1::uuid[]) and status = 'pending'
returning id, order_id, sequence_number, type, status, error, updated_at
`;
