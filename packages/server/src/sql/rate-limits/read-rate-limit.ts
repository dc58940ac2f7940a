/** A caller's count in the current window (no row: none). $1 key, $2 window length in seconds. */
export const READ_RATE_LIMIT = `
  select hits, window_start + make_interval(secs => $2) as reset_at
  from rate_limits
  where key = $1
    and window_start = date_bin(make_interval(secs => $2), now(), timestamptz '2000-01-01 00:00:00+00')
`;
