/** $1 user id, $2 name, $3 palette jsonb, $4 fonts jsonb, $5 logo url, $6 voice, $7 niche, $8 plan, $9 locale. */
export const INSERT_BRAND = `
  insert into brands (user_id, name, palette, fonts, logo_url, voice, niche, plan, locale)
  values ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9)
  returning *
`;
