/**
 * Appends an event of order $1 (type $2, data $3 json); the owner comes from the order row. The
 * insert trigger NOTIFYs `alfie_order_events` on commit.
 *
 * The per-user advisory lock is taken before the id is drawn and held until commit, so a user's
 * events always commit in id order: a client resuming from Last-Event-ID N can never miss an
 * event numbered below N that committed after it.
 */
export const INSERT_ORDER_EVENT = `
insert into order_events (order_id, user_id, type, data)
select o.id, o.user_id, $2, $3::jsonb
from orders o
cross join lateral (select pg_advisory_xact_lock(hashtextextended('alfie_order_events:' || o.user_id::text, 0))) lock
where o.id = $1
returning id
`;
