-- Indexes the operator dashboard (src/sql/admin) and /metrics (src/sql/metrics) need, one per
-- WHERE clause that reads history. Without them every dashboard refresh scanned the whole job_queue
-- and orders tables, which only grow.
-- EXPLAIN ANALYZE on a seeded database (100,000 orders and 200,000 jobs over 6 months), before ->
-- after: job success 24 h 129 -> 2.5 ms, 30 days 405 -> 61 ms; generation time 47 -> 1.2 ms; quota by
-- plan 24 -> 1.3 ms; stuck jobs 57 -> 0.4 ms; problem jobs 43 -> 18 ms (BitmapOr of the two partial
-- indexes below); /metrics' one query 97 -> 2.3 ms (open jobs by job_queue_open_created_idx).

-- job-success-by-type.ts: finished jobs, `completed_at >= now() - window`. Open jobs have no
-- completed_at and stay out of the index, so the hot queue rows do not pay for it.
create index job_queue_completed_idx on job_queue (completed_at) where completed_at is not null;

-- stuck-jobs-by-bucket.ts: jobs by creation time, `created_at >= now() - window`.
create index job_queue_created_idx on job_queue (created_at);

-- list-problem-jobs.ts: `(status = 'failed' and updated_at >= now() - window)
--   or (status in ('queued', 'running', 'waiting') and created_at < now() - 10 minutes)`:
-- one partial index per branch, combined by a BitmapOr. The open-jobs index also serves /metrics
-- (open jobs by status, age of the oldest queued job).
create index job_queue_failed_idx on job_queue (updated_at) where status = 'failed';
create index job_queue_open_created_idx on job_queue (created_at)
  where status in ('queued', 'running', 'waiting');

-- generation-time-by-type.ts (`status in ('completed', 'partial') and completed_at >= ...`) and
-- quota-by-plan.ts (`completed_at >= ...`): ended orders by completion time.
create index orders_completed_idx on orders (completed_at) where completed_at is not null;
