/**
 * One of the caller's orders with what a redo needs to reserve its image, locked until the
 * transaction ends. $1 order id, $2 user id, $3 allowed brand ids or null.
 */
export const LOCK_ORDER_FOR_REDO = `
  select id, status, type, brand_id, period_yyyymm, quota_bypass, count from orders
  where id = $1 and user_id = $2 and ($3::uuid[] is null or brand_id = any($3::uuid[]))
  for update
`;
