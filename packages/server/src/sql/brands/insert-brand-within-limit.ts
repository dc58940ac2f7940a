/**
 * INSERT_BRAND, only while the user owns fewer than $10 brands; no row when the limit is reached.
 * Run after LOCK_USER_BRAND_CREATION in the same transaction. $1..$9 as INSERT_BRAND, $10 limit.
 */
export const INSERT_BRAND_WITHIN_LIMIT = `
  insert into brands (user_id, name, palette, fonts, logo_url, voice, niche, plan, locale)
  select $1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9
  where (select count(*) from brands where user_id = $1) < $10
  returning *
`;
