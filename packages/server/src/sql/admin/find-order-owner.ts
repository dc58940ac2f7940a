/** The owner and status of any order (operators act across users). $1 order id. */
export const FIND_ORDER_OWNER = `select id, user_id, status from orders where id = $1`;
