/**
 * The caller's brands, newest first, one page. $1 user id, $2 allowed brand ids or null,
 * $3 cursor brand id or null (start after it), $4 page size + 1.
 */
export const LIST_BRANDS = `
  select b.* from brands b
  where b.user_id = $1
    and ($2::uuid[] is null or b.id = any($2::uuid[]))
    and ($3::uuid is null or (b.created_at, b.id) < (
      select c.created_at, c.id from brands c where c.id = $3 and c.user_id = $1))
  order by b.created_at desc, b.id desc
  limit $4
`;
