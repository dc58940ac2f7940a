/**
 * $1 user, $2 brand, $3 type, $4 topic, $5 ratio, $6 count, $7 duration or null, $8 period,
 * $9 reserved images, $10 reserved reels, $11 reserved woofs, $12 quota bypass, $13 idempotency key
 * or null, $14 request hash or null.
 */
export const INSERT_ORDER = `
  insert into orders (user_id, brand_id, type, topic, ratio, count, duration_seconds, period_yyyymm,
    reserved_images, reserved_reels, reserved_woofs, quota_bypass, idempotency_key, request_hash)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
  returning *
`;
