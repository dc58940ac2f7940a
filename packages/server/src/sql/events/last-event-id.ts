/** Newest event id of user $1 (0 when none): where a fresh /v1/events stream starts. */
export const LAST_USER_EVENT_ID = `
select coalesce(max(id), 0)::bigint as id from order_events where user_id = $1
`;
