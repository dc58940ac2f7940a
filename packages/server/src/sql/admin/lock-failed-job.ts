/** A failed job and its order, locked for an operator's retry. $1 job id. */
export const LOCK_FAILED_JOB = `
select j.id, j.order_id, j.status, o.status as order_status, o.type as order_type, o.brand_id,
  o.period_yyyymm, o.quota_bypass, o.reserved_woofs
from job_queue j join orders o on o.id = j.order_id
where j.id = $1
for update of j, o
`;
