/** Replay for every order of user $1: events after id $2, oldest first, at most $3. */
export const LIST_USER_EVENTS_AFTER = `
select id, order_id, type, data from order_events
where user_id = $1 and id > $2
order by id limit $3
`;
