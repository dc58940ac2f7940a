/**
 * Marks claimed jobs completed, many in one round trip: $1 ids (uuid[]), $2 their claim attempts
 * (int[], same order), $3 worker. A job whose lease was lost (reclaimed by another worker) no
 * longer matches its token and is left alone. Looked up by primary key, whatever the statistics.
 */
export const COMPLETE_JOBS = `
update job_queue j
set status = 'completed', completed_at = now(), updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
where j.id = any($1::uuid[])
  and j.attempts = ($2::int[])[array_position($1::uuid[], j.id)]
  and j.locked_by = $3 and j.status = 'running'
returning j.id
`;
