/**
 * Parks a running job on a provider's render: `waiting` with the provider's id, the worker slot
 * freed. The webhook (resume-provider-job) or the scheduled poll (wake-due-waiting-jobs) makes it
 * `queued` again. The lease still runs, so a lost webhook cannot strand the job: past
 * lease_expires_at the stuck-job recovery treats it like a dead worker's job.
 * Checks the claim token (id, attempts) like every other write of a claimed job.
 * The attempt is given back (as on a graceful release): waiting on a render is not a failure, and
 * a render polled ten times must not use up the attempts its real failures need.
 * The worker's poll backoff and timeout count from when a render started, on the database clock,
 * across processes: a video's first park on a render stamps `providerStartedAt`; a job parked on
 * per-item renders ($7, the remote images of a carousel) records them as `providerRenders`, each
 * new one stamped `startedAt`, so a webhook for any of them finds the job.
 * A webhook that came while the job was running left its result in `providerResults`: when one of
 * the renders parked on ($8) is there already, the poll is due at once instead of later.
 * $1 job id, $2 attempts (claim token), $3 provider, $4 provider_ref, $5 poll after (ms), $6 lease (ms),
 * $7 jsonb [{ item, ref, startedAt? }] or null, $8 text[] every ref parked on.
 */
export const PARK_PROVIDER_JOB = `
  update job_queue
  set status = 'waiting',
      attempts = greatest(attempts - 1, 0),
      payload = case
        when $7::jsonb is not null
          then payload || jsonb_build_object('providerRenders', (
            select jsonb_agg(case when r ? 'startedAt' then r
                                  else r || jsonb_build_object('startedAt', now()) end)
            from jsonb_array_elements($7::jsonb) r))
        when provider_ref is distinct from $4 or provider is distinct from $3
          then payload || jsonb_build_object('providerStartedAt', now())
        else payload end,
      provider = $3,
      provider_ref = $4,
      run_after = case when coalesce(payload->'providerResults' ?| $8::text[], false) then now()
                       else now() + make_interval(secs => $5::double precision / 1000) end,
      lease_expires_at = now() + make_interval(secs => $6::double precision / 1000),
      locked_by = null,
      updated_at = now()
  where id = $1 and attempts = $2 and status = 'running'
  returning id, run_after
`;
