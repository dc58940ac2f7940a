/**
 * Counts $3 requests of a caller, atomically (the row lock serialises concurrent hits, so several
 * API processes never lose a count), and returns the new total. Windows are fixed and aligned on
 * the database's clock, which every process shares. $1 key, $2 window length in seconds, $3 hits.
 */
export const HIT_RATE_LIMIT = `
  insert into rate_limits as r (key, window_start, hits)
  values ($1, date_bin(make_interval(secs => $2), now(), timestamptz '2000-01-01 00:00:00+00'), $3)
  on conflict (key) do update set
    hits = case when r.window_start = excluded.window_start then r.hits + excluded.hits else excluded.hits end,
    window_start = excluded.window_start
  returning hits, window_start + make_interval(secs => $2) as reset_at
`;
