/**
 * Counts $3 requests of a caller, atomically (the row lock serialises concurrent hits, so several
 * API processes never lose a count), and returns the new total. Windows are fixed and aligned on
 * the database's clock, which every process shares.
 *
 * It may also take requests ahead: an eighth of what would be left of the caller's $4 requests,
 * at most $5. They are counted now and admitted later by this process without a round trip (a
 * lease); as what is left shrinks, so do leases, down to none, so the processes together never
 * admit more than $4. `taken` ($3 plus the lease) tells the process which totals are its own.
 * $1 key, $2 window length in seconds, $3 hits, $4 the caller's limit, $5 the largest lease.
 */
export const HIT_RATE_LIMIT = `
  insert into rate_limits as r (key, window_start, hits, taken)
  values (
    $1::text,
    date_bin(make_interval(secs => $2), now(), timestamptz '2000-01-01 00:00:00+00'),
    $3::int + least($5::int, greatest(0, ($4::int - $3::int) / 8)),
    $3::int + least($5::int, greatest(0, ($4::int - $3::int) / 8))
  )
  on conflict (key) do update set
    taken = case when r.window_start = excluded.window_start
      then $3::int + least($5::int, greatest(0, ($4::int - r.hits - $3::int) / 8))
      else excluded.taken end,
    hits = case when r.window_start = excluded.window_start
      then r.hits + $3::int + least($5::int, greatest(0, ($4::int - r.hits - $3::int) / 8))
      else excluded.hits end,
    window_start = excluded.window_start
  returning hits, taken, window_start + make_interval(secs => $2) as reset_at
`;
