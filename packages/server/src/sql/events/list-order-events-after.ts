/** Replay for one order: its events after id $2, oldest first, at most $3. */
export const LIST_ORDER_EVENTS_AFTER = `
select id, order_id, type, data from order_events
where order_id = $1 and id > $2
order by id limit $3
`;
