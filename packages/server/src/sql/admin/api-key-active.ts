/** True when API key $1 (by id) exists and is not revoked: admin sessions end with their key. */
export const API_KEY_ACTIVE = `
select exists (select 1 from api_keys where id = $1 and revoked_at is null) as active
`;
