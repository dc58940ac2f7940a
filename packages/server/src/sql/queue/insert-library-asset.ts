/**
 * Records a delivered image or slide. The unique (order_id, slide_index) makes a redelivery after
 * a crash a no-op instead of a second asset. Returns nothing on conflict; otherwise the asset with
 * the columns of LIST_ORDER_ASSETS, so the live event and the GET answer come from one mapper.
 */
export const INSERT_LIBRARY_ASSET = `
insert into library_assets (user_id, brand_id, order_id, order_item_id, type, cloudinary_url,
  cloudinary_public_id, slide_index, text_json, metadata, width, height, mime_type)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
on conflict (order_id, slide_index) do nothing
returning id, order_id, order_item_id, brand_id, type, cloudinary_url as url, null::text as thumbnail_url,
  cloudinary_public_id as public_id, slide_index, width, height, null::integer as duration_seconds, mime_type,
  text_json, created_at
`;
