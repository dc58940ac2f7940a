/**
 * Reuse over a window, across all brands: orders accepted, orders delivered by reusing an earlier
 * one, and the images, slides and videos those reuses delivered without rendering. A reuse is known
 * by its items (`reusedFromItemId` in their briefs), which outlive the original's deletion.
 * $1 window (interval).
 */
export const REUSE_TOTALS = `
  with recent as (
    select o.id,
      (select count(*) from order_items i where i.order_id = o.id and i.brief_json ? 'reusedFromItemId') as reused_items
    from orders o
    where o.created_at >= now() - $1::interval
  )
  select count(*)::int as orders,
    count(*) filter (where reused_items > 0)::int as reused,
    coalesce(sum(reused_items), 0)::int as renders_saved
  from recent
`;
