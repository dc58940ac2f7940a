-- Fewer index entries per job (issue 18, `pnpm bench:queue`). A job row is written three times
-- (enqueue, claim, completion) and, since the claim and the completion change its status, each
-- write adds an entry to every index whose predicate the new version matches. These two indexes
-- existed only for the operator dashboard and /metrics (0003) and took 5 of those entries per job;
-- their queries now read the open jobs through the queue's own partial indexes
-- (job_queue_claim_idx, job_queue_lease_idx) and the ended ones through job_queue_completed_idx
-- (src/sql/admin/stuck-jobs-by-bucket.ts, list-problem-jobs.ts, src/sql/metrics/read-db-stats.ts).
-- Seeded database (200,000 ended jobs over 6 months, 10,000 queued), median of 7, before -> after:
-- stuck jobs 24 h 5.9 -> 13.6 ms, 30 days 30.8 -> 15.8 ms; problem jobs 5.1 -> 3.9 ms; /metrics'
-- query 3.8 -> 2.7 ms. (The old queries without these indexes: 76 to 110 ms.)
drop index job_queue_created_idx;
drop index job_queue_open_created_idx;
