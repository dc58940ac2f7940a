-- Renders parked on a provider (job_queue.status = 'waiting', issue 8; DESIGN.md's job states).

-- Every worker's periodic check wakes the parked jobs whose poll time has come
-- (src/sql/providers/wake-due-waiting-jobs.ts): an index walk over the waiting ones only, never
-- a scan of the whole queue's history.
create index job_queue_waiting_idx on job_queue (run_after) where status = 'waiting';

-- An order canceled while its job is parked (or running) leaves the render going at the provider.
-- The worker's check cancels it there, once: this column records that it did
-- (src/sql/providers/take-canceled-renders.ts).
alter table job_queue add column provider_canceled_at timestamptz;
create index job_queue_canceled_render_idx on job_queue (updated_at)
  where status = 'canceled' and provider_ref is not null and provider_canceled_at is null;
