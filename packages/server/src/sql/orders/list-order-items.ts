/** An order's items in sequence. $1 order id. */
export const LIST_ORDER_ITEMS = `
  select * from order_items where order_id = $1 order by sequence_number
`;
