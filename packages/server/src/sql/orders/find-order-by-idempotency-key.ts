/** An earlier order of this user made with the same Idempotency-Key, with its first job. $1 user id, $2 key. */
export const FIND_ORDER_BY_IDEMPOTENCY_KEY = `
  select o.id, o.request_hash,
    (select j.id from job_queue j where j.order_id = o.id order by j.created_at limit 1) as job_id
  from orders o
  where o.user_id = $1 and o.idempotency_key = $2
`;
