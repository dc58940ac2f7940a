/**
 * One of the caller's orders with what its download names need (brand name, topic, type).
 * $1 order id, $2 user id, $3 allowed brand ids or null.
 */
export const GET_ORDER_FOR_DOWNLOAD = `
  select o.id, o.type, o.status, o.topic, b.name as brand_name
  from orders o
  join brands b on b.id = o.brand_id
  where o.id = $1 and o.user_id = $2 and ($3::uuid[] is null or o.brand_id = any($3::uuid[]))
`;
