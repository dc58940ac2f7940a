/** Items of a canceled order that will not be delivered. $1 order id. */
export const CANCEL_ORDER_ITEMS = `
  update order_items set status = 'canceled', updated_at = now()
  where order_id = $1 and status in ('pending', 'running')
  returning id
`;
