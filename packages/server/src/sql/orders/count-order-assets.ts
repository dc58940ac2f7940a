/** How many files an order delivered. $1 order id. */
export const COUNT_ORDER_ASSETS = `
  select
    (select count(*) from library_assets where order_id = $1)
    + (select count(*) from media_generations where order_id = $1 and status = 'completed') as delivered
`;
