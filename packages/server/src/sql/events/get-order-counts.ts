/** Delivered and expected item counts of order $1, for its `end` event. */
export const GET_ORDER_COUNTS = `
select count(*) filter (where status = 'completed')::int as completed_count, count(*)::int as expected_total
from order_items where order_id = $1
`;
