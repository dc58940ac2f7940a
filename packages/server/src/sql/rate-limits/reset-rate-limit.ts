/** Forgets a caller's count. $1 key. */
export const RESET_RATE_LIMIT = 'delete from rate_limits where key = $1';
