/**
 * One item per image, slide or video, numbered from 0 in the order of the briefs.
 * $1 order id, $2 item type, $3 jsonb array of briefs.
 */
export const INSERT_ORDER_ITEMS = `
  insert into order_items (order_id, sequence_number, type, brief_json)
  select $1, (brief.ordinality - 1)::integer, $2, brief.value
  from jsonb_array_elements($3::jsonb) with ordinality as brief(value, ordinality)
  returning id
`;
