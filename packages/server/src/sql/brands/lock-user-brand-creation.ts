/**
 * Serialises one user's brand creations until the transaction ends, so two concurrent requests
 * cannot both see room under MAX_BRANDS_PER_USER. Other users are not held. $1 user id.
 */
export const LOCK_USER_BRAND_CREATION = `
  select pg_advisory_xact_lock(hashtextextended('alfie.brands.' || $1::text, 0))
`;
