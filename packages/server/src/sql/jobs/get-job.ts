/** One of the caller's jobs. $1 job id, $2 user id, $3 allowed brand ids or null. */
export const GET_JOB = `
  select * from job_queue
  where id = $1 and user_id = $2 and ($3::uuid[] is null or brand_id = any($3::uuid[]))
`;
