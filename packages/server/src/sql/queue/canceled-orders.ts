/** Which of the orders a worker is running ($1 uuid[]) were canceled meanwhile. */
export const CANCELED_ORDERS = `
select id from orders where id = any($1::uuid[]) and status = 'canceled'
`;
