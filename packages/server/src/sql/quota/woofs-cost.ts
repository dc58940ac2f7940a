/** The SQL function is the source of truth for a video's Woofs price. $1 duration in seconds. */
export const WOOFS_COST = 'select calculate_woofs_cost($1::integer) as woofs';
