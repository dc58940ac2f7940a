/**
 * Records a delivered video; unique order_item_id makes a redelivery a no-op. Returns the asset
 * with the columns of LIST_ORDER_ASSETS (a video's slide index is its item's sequence there too).
 */
export const INSERT_MEDIA_GENERATION = `
insert into media_generations (user_id, brand_id, order_id, order_item_id, type, output_url,
  thumbnail_url, public_id, status, metadata, woofs, duration_seconds, width, height, mime_type)
values ($1, $2, $3, $4, 'video', $5, $6, $7, 'completed', $8, $9, $10, $11, $12, $13)
on conflict (order_item_id) do nothing
returning id, order_id, order_item_id, brand_id, 'video' as type, output_url as url, thumbnail_url, public_id,
  (select i.sequence_number from order_items i where i.id = order_item_id) as slide_index, width, height,
  duration_seconds, mime_type, null::jsonb as text_json, created_at
`;
