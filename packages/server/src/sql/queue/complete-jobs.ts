/**
 * Marks claimed jobs completed. $1 is a json array of {id, attempts} claim tokens so that many
 * completions travel in one round trip; a job whose lease was lost (reclaimed by another worker)
 * no longer matches its token and is left alone.
 */
export const COMPLETE_JOBS = `
update job_queue j
set status = 'completed', completed_at = now(), updated_at = now(),
    locked_at = null, locked_by = null, lease_expires_at = null
from jsonb_to_recordset($1::jsonb) as t(id uuid, attempts integer)
where j.id = t.id and j.attempts = t.attempts and j.locked_by = $2 and j.status = 'running'
returning j.id
`;
