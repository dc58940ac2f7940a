-- Request counts of the rate limits (issue 14), shared by every API process on this database.
-- One row per limited caller (`<limit>:<user|key|ip>`), holding the current fixed window's count:
-- the row is overwritten when a new window starts, so it never grows past one row per caller.
-- Unlogged: the counts are worth nothing after a crash, and skipping the WAL keeps the one upsert
-- each request pays cheap.
create unlogged table rate_limits (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
