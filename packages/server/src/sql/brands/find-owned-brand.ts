/**
 * A brand the caller owns, with its plan's limits and queue priority. Nothing for another user's
 * brand or a brand outside the token's `brandIds`. $1 brand id, $2 user id, $3 allowed brand ids or null.
 * `for update` is not taken: quota rows, not brands, serialise concurrent orders.
 */
export const FIND_OWNED_BRAND = `
  select b.*, p.quota_images, p.quota_videos, p.quota_woofs, p.priority as plan_priority
  from brands b
  join plans p on p.name = b.plan
  where b.id = $1 and b.user_id = $2 and ($3::uuid[] is null or b.id = any($3::uuid[]))
`;
