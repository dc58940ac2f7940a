/** $1 user, $2 brand, $3 order, $4 type, $5 kind, $6 payload jsonb, $7 priority. */
export const INSERT_JOB = `
  insert into job_queue (user_id, brand_id, order_id, type, kind, payload, priority)
  values ($1, $2, $3, $4, $5, $6::jsonb, $7)
  returning id
`;
