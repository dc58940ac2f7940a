/** The language of one of the caller's brands. $1 brand id, $2 user id, $3 allowed brand ids or null. */
export const BRAND_LOCALE = `
  select locale from brands
  where id = $1 and user_id = $2 and ($3::uuid[] is null or id = any($3::uuid[]))
`;
