/** Finds a live key by its hash and records its use in the same statement. $1 key hash. */
export const TOUCH_API_KEY = `
  update api_keys set last_used_at = now()
  where key_hash = $1 and revoked_at is null
  returning id, name
`;
