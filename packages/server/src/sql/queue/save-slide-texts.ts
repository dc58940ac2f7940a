/**
 * Stores planned slide texts on the items that have none yet ($1 json array of {id, text}), so a
 * retried carousel reuses its plan instead of asking the planner again.
 */
export const SAVE_SLIDE_TEXTS = `
update order_items i set text_json = t.text, updated_at = now()
from jsonb_to_recordset($1::jsonb) as t(id uuid, text jsonb)
where i.id = t.id and i.text_json is null
`;
