/**
 * Parks a running job on a provider's render: `waiting` with the provider's id, the worker slot
 * freed. The webhook (resume-provider-job) or the scheduled poll (wake-due-waiting-jobs) makes it
 * `queued` again. The lease still runs, so a lost webhook cannot strand the job: past
 * lease_expires_at the stuck-job recovery treats it like a dead worker's job.
 * Checks the claim token (id, attempts) like every other write of a claimed job.
 * $1 job id, $2 attempts (claim token), $3 provider, $4 provider_ref, $5 poll after (ms), $6 lease (ms).
 */
export const PARK_PROVIDER_JOB = `
  update job_queue
  set status = 'waiting',
      provider = $3,
      provider_ref = $4,
      run_after = now() + make_interval(secs => $5::double precision / 1000),
      lease_expires_at = now() + make_interval(secs => $6::double precision / 1000),
      locked_by = null,
      updated_at = now()
  where id = $1 and attempts = $2 and status = 'running'
  returning id
`;
