/**
 * Cancels one of the caller's orders if it is still pending or processing. The row lock orders
 * this against the worker finishing it. No row = not the caller's, or already ended.
 * $1 order id, $2 user id, $3 allowed brand ids or null.
 */
export const CANCEL_ORDER = `
  update orders set status = 'canceled', updated_at = now(), completed_at = now()
  where id = $1 and user_id = $2 and ($3::uuid[] is null or brand_id = any($3::uuid[]))
    and status in ('pending', 'processing')
  returning *
`;
