/** Renews the lease of the jobs worker $1 is still running ($2 uuid[]) by $3 ms. */
export const EXTEND_LEASES = `
update job_queue
set lease_expires_at = now() + make_interval(secs => $3::double precision / 1000)
where id = any($2::uuid[]) and locked_by = $1 and status = 'running'
returning id
`;
