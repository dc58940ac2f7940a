/** $1 user id, $2 email or null. */
export const UPSERT_PROFILE = `
  insert into profiles (id, email) values ($1, $2)
  on conflict (id) do update set email = coalesce(excluded.email, profiles.email)
`;
