/**
 * Applies a partial update given as one JSON object: a key that is present is set (null clears a
 * nullable field), a missing key is left alone. $1 brand id, $2 owner user id or null (API key:
 * any brand), $3 allowed brand ids or null, $4 patch jsonb with the API's camelCase keys.
 */
export const UPDATE_BRAND = `
  update brands set
    name = case when $4::jsonb ? 'name' then $4::jsonb ->> 'name' else name end,
    palette = case when $4::jsonb ? 'palette' then $4::jsonb -> 'palette' else palette end,
    fonts = case when $4::jsonb ? 'fonts' then $4::jsonb -> 'fonts' else fonts end,
    logo_url = case when $4::jsonb ? 'logoUrl' then $4::jsonb ->> 'logoUrl' else logo_url end,
    voice = case when $4::jsonb ? 'voice' then $4::jsonb ->> 'voice' else voice end,
    niche = case when $4::jsonb ? 'niche' then $4::jsonb ->> 'niche' else niche end,
    locale = case when $4::jsonb ? 'locale' then $4::jsonb ->> 'locale' else locale end,
    plan = case when $4::jsonb ? 'plan' then $4::jsonb ->> 'plan' else plan end,
    updated_at = now()
  where id = $1
    and ($2::uuid is null or user_id = $2)
    and ($3::uuid[] is null or id = any($3::uuid[]))
  returning *
`;
