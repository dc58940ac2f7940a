/**
 * Appends an event of order $1 (type $2, data $3 json); the owner comes from the order row. The
 * insert trigger NOTIFYs `alfie_order_events` on commit.
 *
 * The per-user advisory lock is taken before the id is drawn and held until commit, so a user's
 * events always commit in id order: a client resuming from Last-Event-ID N can never miss an
 * event numbered below N that committed after it.
 *
 * Lock order matters: the order row (KEY SHARE, which the foreign key check takes anyway) first,
 * in the CTE, then the user lock in the lateral join evaluated after it. Every writer of an order
 * locks its row before appending, so no two transactions can wait on each other in a cycle.
 */
export const INSERT_ORDER_EVENT = `
with o as (
  select id, user_id from orders where id = $1 for key share
)
insert into order_events (order_id, user_id, type, data)
select o.id, o.user_id, $2, $3::jsonb
from o
cross join lateral (select pg_advisory_xact_lock(hashtextextended('alfie_order_events:' || o.user_id::text, 0))) lock
returning id
`;
