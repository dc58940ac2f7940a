-- Rate limit leases (issue 14): a hit may take a few of the caller's remaining requests ahead, for
-- the process to admit locally without a round trip (src/rate-limit/postgres-store.ts). The row
-- keeps how many the last hit took, so the process learns which totals are its own.
alter table rate_limits add column taken integer not null default 0;
