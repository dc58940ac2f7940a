/**
 * An order as an SSE stream needs it: owner check ($2, so another user's order reads as missing),
 * status, and the counts of the final `end` event.
 */
export const GET_ORDER_STATE = `
select o.id, o.status,
  (select count(*) from order_items i where i.order_id = o.id)::int as expected_total,
  (select count(*) from order_items i where i.order_id = o.id and i.status = 'completed')::int as completed_count
from orders o where o.id = $1 and o.user_id = $2
`;
