/**
 * Locks order $1 for a delivery, if it is still open. Every write about an order starts here, so
 * deliveries of one order commit one after another (their events keep commit order) and a
 * delivery can never land after the cancel route closed the order.
 */
export const LOCK_OPEN_ORDER = `
select id, status from orders where id = $1 and status in ('pending', 'processing') for update
`;
