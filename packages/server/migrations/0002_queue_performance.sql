-- Queue performance, measured by `pnpm bench:queue` (packages/server/bench/queue.ts).

-- 1. Wake-ups carry no payload: workers only need to know "a job may be due", never which one.
-- Inserts notify once per statement instead of once per row (an enqueue of 10,000 jobs sent
-- 10,000 distinct NOTIFYs with 0001's trigger, which cost the enqueue and every listening worker).
-- Updates that make a job due (retry, release, recovery) notify per row, filtered by WHEN so the
-- claims and completions that do not requeue anything never enter PL/pgSQL at all.
drop trigger job_queue_notify on job_queue;

create or replace function notify_job_ready() returns trigger language plpgsql as $$
begin
  perform pg_notify('alfie_jobs', '');
  return null;
end
$$;

create function notify_jobs_inserted() returns trigger language plpgsql as $$
begin
  if exists (select 1 from inserted_jobs where status = 'queued' and run_after <= now()) then
    perform pg_notify('alfie_jobs', '');
  end if;
  return null;
end
$$;

create trigger job_queue_notify_insert after insert on job_queue
  referencing new table as inserted_jobs
  for each statement execute function notify_jobs_inserted();

create trigger job_queue_notify_update after update of status, run_after on job_queue
  for each row when (NEW.status = 'queued' and NEW.run_after <= now())
  execute function notify_job_ready();

-- 2. The claim (src/sql/queue/claim-jobs.ts calls it). Right after a burst of inserts the table's
-- statistics still say "a few queued rows", and the planner then sorts every queued row on each
-- claim (bitmap scan + sort): 26 ms a claim at 10,000 queued jobs instead of 1.5 ms. The SET
-- clauses keep it on the ordered walk of job_queue_claim_idx that stops after $2 rows, whatever
-- the statistics say. Highest priority first, then oldest; SKIP LOCKED lets any number of workers
-- claim at once without ever taking the same row; `attempts + 1` makes (id, attempts) the token of
-- this claim, which every later write checks.
create function claim_jobs(worker_id text, max_jobs integer, lease_ms double precision)
returns setof job_queue
language plpgsql
set enable_sort = off
set enable_bitmapscan = off
as $$
begin
  -- PL/pgSQL keeps this statement's plan for the session: no planning on the hot path.
  return query
  with due as (
    select q.id from job_queue q
    where q.status = 'queued' and q.run_after <= now()
    order by q.priority desc, q.created_at, q.id
    limit max_jobs
    for update skip locked
  )
  update job_queue j
  set status = 'running',
      attempts = j.attempts + 1,
      locked_at = now(),
      locked_by = worker_id,
      lease_expires_at = now() + make_interval(secs => lease_ms / 1000),
      updated_at = now()
  from due
  where j.id = due.id
  returning j.*;
end
$$;
