/** Records a delivered video; unique order_item_id makes a redelivery a no-op. */
export const INSERT_MEDIA_GENERATION = `
insert into media_generations (user_id, brand_id, order_id, order_item_id, type, output_url,
  thumbnail_url, public_id, status, metadata, woofs, duration_seconds, width, height, mime_type)
values ($1, $2, $3, $4, 'video', $5, $6, $7, 'completed', $8, $9, $10, $11, $12, $13)
on conflict (order_item_id) do nothing
returning id, created_at
`;
