/** Items of order $1 in sequence. */
export const LIST_ORDER_ITEMS = `
select id, order_id, sequence_number, type, status, error, brief_json, text_json, updated_at
from order_items where order_id = $1 order by sequence_number
`;
