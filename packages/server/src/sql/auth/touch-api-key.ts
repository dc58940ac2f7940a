/**
 * Finds a live key by its hash and records its use, at most once a minute: a key used by a busy
 * backend would otherwise rewrite its row on every request (and serialise them on its row lock).
 * $1 key hash.
 */
export const TOUCH_API_KEY = `
  with live as (
    select id, name, last_used_at from api_keys where key_hash = $1 and revoked_at is null
  ), touched as (
    update api_keys k set last_used_at = now()
    from live
    where k.id = live.id and (live.last_used_at is null or live.last_used_at < now() - interval '1 minute')
  )
  select id, name from live
`;
