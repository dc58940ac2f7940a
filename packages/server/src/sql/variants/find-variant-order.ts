/** The caller's order $1 and its variant count (null without variants). $2 user id, $3 allowed brand ids or null. */
export const FIND_VARIANT_ORDER = `
  select o.id, o.variant_count from orders o
  where o.id = $1 and o.user_id = $2 and ($3::uuid[] is null or o.brand_id = any($3::uuid[]))
`;
