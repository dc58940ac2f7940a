-- Job wake-ups carry no payload: workers only need to know "a job may be due", never which one.
-- PostgreSQL folds identical notifications of one transaction into one, so enqueueing 10,000 jobs
-- in one statement now wakes each worker once instead of sending 10,000 NOTIFYs (0001 sent the
-- job id, which made every notification distinct and cost both the enqueue and every listener).
create or replace function notify_job_ready() returns trigger language plpgsql as $$
begin
  if NEW.status = 'queued' and NEW.run_after <= now() then
    perform pg_notify('alfie_jobs', '');
  end if;
  return NEW;
end
$$;
