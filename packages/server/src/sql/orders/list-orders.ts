/**
 * The caller's orders, newest first, one page. $1 user id, $2 allowed brand ids or null,
 * $3 brand filter or null, $4 status filter or null, $5 cursor order id or null, $6 page size + 1.
 */
export const LIST_ORDERS = `
  select o.* from orders o
  where o.user_id = $1
    and ($2::uuid[] is null or o.brand_id = any($2::uuid[]))
    and ($3::uuid is null or o.brand_id = $3)
    and ($4::text is null or o.status = $4)
    and ($5::uuid is null or (o.created_at, o.id) < (
      select c.created_at, c.id from orders c where c.id = $5 and c.user_id = $1))
  order by o.created_at desc, o.id desc
  limit $6
`;
