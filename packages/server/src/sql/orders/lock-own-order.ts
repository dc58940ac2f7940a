/**
 * One of the caller's orders, locked until the transaction ends, so that a deletion orders against
 * anything else that would change it (an operator's retry reopening it, a late cancel).
 * $1 order id, $2 user id, $3 allowed brand ids or null.
 */
export const LOCK_OWN_ORDER = `
  select id, status, type from orders
  where id = $1 and user_id = $2 and ($3::uuid[] is null or brand_id = any($3::uuid[]))
  for update
`;
