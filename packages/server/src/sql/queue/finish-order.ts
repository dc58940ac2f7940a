/**
 * Gives open order $1 its final status from its items (DESIGN.md): all delivered -> completed,
 * some -> partial, none -> failed. A canceled (or already finished) order is left as it is.
 */
export const FINISH_ORDER = `
with counts as (
  select count(*) filter (where status = 'completed')::int as completed_count,
         count(*)::int as expected_total
  from order_items where order_id = $1
)
update orders o
set status = case
      when counts.completed_count = counts.expected_total and counts.expected_total > 0 then 'completed'
      when counts.completed_count > 0 then 'partial'
      else 'failed' end,
    completed_at = now(), updated_at = now()
from counts
where o.id = $1 and o.status in ('pending', 'processing')
returning o.status, counts.completed_count, counts.expected_total
`;
