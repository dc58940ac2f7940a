/**
 * Everything /metrics reads from the database, in ONE statement per scrape. It only touches open
 * jobs (queued / running / waiting, served by the partial indexes job_queue_claim_idx and
 * job_queue_lease_idx) and the current month's counters, never the history: finished jobs are
 * counted by the processes themselves (alfie_jobs_finished_total).
 * Returns one row: jobs {status: count}, oldest_queued_seconds, past_lease, quota [{plan, ...}].
 */
export const READ_DB_STATS = `
select
  (select coalesce(json_object_agg(status, n), '{}'::json)
     from (select 'queued' as status, count(*)::int as n from job_queue where status = 'queued'
           having count(*) > 0
           union all
           select status, count(*)::int from job_queue
           where status in ('running', 'waiting') group by status) s) as jobs,
  (select extract(epoch from now() - min(created_at))::float8
     from job_queue where status = 'queued') as oldest_queued_seconds,
  (select count(*)::int from job_queue
     where status in ('running', 'waiting') and lease_expires_at < now()) as past_lease,
  (select coalesce(json_agg(q), '[]'::json) from (
     select b.plan,
       sum(c.images_used)::int as images_used, sum(c.images_reserved)::int as images_reserved,
       sum(c.reels_used)::int as reels_used, sum(c.reels_reserved)::int as reels_reserved,
       sum(c.woofs_used)::int as woofs_used, sum(c.woofs_reserved)::int as woofs_reserved
     from counters_monthly c join brands b on b.id = c.brand_id
     where c.period_yyyymm = to_char(now() at time zone 'utc', 'YYYYMM')::integer
     group by b.plan) q) as quota
`;
