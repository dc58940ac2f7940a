/**
 * Reserves quota with `reserve_quota` (src/sql/quota/reserve-quota-function.ts), the function the
 * order-creating statement uses too. $1 brand, $2 period, $3 images, $4 reels, $5 woofs.
 * `reserved` is false when the plan cannot cover it.
 */
export const RESERVE_QUOTA = `
  select reserve_quota($1::uuid, $2::integer, $3::integer, $4::integer, $5::integer) as reserved
`;
