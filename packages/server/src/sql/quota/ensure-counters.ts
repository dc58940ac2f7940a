/** Makes sure the period's counters row exists, so the reservation below has a row to lock. $1 brand, $2 period. */
export const ENSURE_COUNTERS = `
  insert into counters_monthly (brand_id, period_yyyymm) values ($1, $2)
  on conflict (brand_id, period_yyyymm) do nothing
`;
