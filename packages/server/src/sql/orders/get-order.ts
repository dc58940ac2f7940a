/** One of the caller's orders. $1 order id, $2 user id, $3 allowed brand ids or null. */
export const GET_ORDER = `
  select * from orders
  where id = $1 and user_id = $2 and ($3::uuid[] is null or brand_id = any($3::uuid[]))
`;
