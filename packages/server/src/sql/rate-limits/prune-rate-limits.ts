/**
 * Deletes the counts of callers not seen for a day (a row per caller: an attacker rotating
 * addresses would otherwise grow the table forever). $1 window length in seconds.
 */
export const PRUNE_RATE_LIMITS = `
  delete from rate_limits
  where window_start < now() - greatest(make_interval(secs => $1), interval '1 day')
`;
