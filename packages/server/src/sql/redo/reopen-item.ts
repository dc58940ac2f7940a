/**
 * Puts item $2 (its 0-based sequence number) of order $1 back to pending for a redo, counting redos
 * in `brief_json.redo` so the new file gets a name of its own (a browser never shows the old one
 * from its cache, and a retry of the same redo overwrites only its own upload).
 */
export const REOPEN_ITEM = `
update order_items
set status = 'pending', error = null, updated_at = now(),
    brief_json = coalesce(brief_json, '{}'::jsonb)
      || jsonb_build_object('redo', coalesce((brief_json ->> 'redo')::int, 0) + 1)
where order_id = $1 and sequence_number = $2 and status in ('completed', 'failed')
returning id, order_id, sequence_number, type, status, error, updated_at
`;
