/** One event by id: NOTIFY carries only the id when the payload is over 7,900 bytes. */
export const GET_EVENT = `
select id, order_id, user_id, type, data from order_events where id = $1
`;
