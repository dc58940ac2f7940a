/** $1 name, $2 prefix (shown in listings), $3 SHA-256 hex of the whole key. */
export const INSERT_API_KEY = `
  insert into api_keys (name, prefix, key_hash)
  values ($1, $2, $3)
  returning id, name, prefix, created_at
`;
