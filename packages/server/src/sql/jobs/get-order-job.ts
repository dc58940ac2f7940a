/** The latest job of an order. $1 order id. */
export const GET_ORDER_JOB = `
  select * from job_queue where order_id = $1 order by created_at desc, id desc limit 1
`;
