/**
 * A reuse, in one statement: a new order of the caller, completed at once, that reserved and was
 * charged nothing (settled at creation), marked with the order it reuses, whose items and assets
 * point at that order's stored files. Nothing is rendered, so there is no job.
 *
 * Items are copied by sequence number and each asset follows its item through the `items` CTE's
 * RETURNING (a CTE cannot read rows a sibling inserted any other way).
 *
 * $1 new order id, $2 reused order id, $3 user id, $4 brand id, $5 requested topic, $6 period yyyymm,
 * $7 Idempotency-Key or null, $8 request hash or null, $9 jsonb fields merged into each item brief
 * (the request's locale). Returns the new order's id, format and item count, or no row when $2 is not the caller's completed
 * order of that brand.
 */
export const CREATE_REUSE_ORDER = `
with source as (
  select o.* from orders o
  where o.id = $2::uuid and o.user_id = $3::uuid and o.brand_id = $4::uuid and o.status = 'completed'
),
new_order as (
  insert into orders (id, user_id, brand_id, type, status, topic, ratio, count, duration_seconds,
    period_yyyymm, quota_bypass, settled_at, idempotency_key, request_hash, completed_at,
    reused_from_order_id, variant_count, chosen_variant)
  select $1::uuid, s.user_id, s.brand_id, s.type, 'completed', $5::text, s.ratio, s.count,
    s.duration_seconds, $6::integer, false, now(), $7::text, $8::text, now(),
    s.id, s.variant_count, s.chosen_variant
  from source s
  returning id
),
items as (
  insert into order_items (order_id, sequence_number, type, brief_json, text_json, status)
  select new_order.id, i.sequence_number, i.type,
    coalesce(i.brief_json, '{}'::jsonb) || $9::jsonb || jsonb_build_object('reusedFromItemId', i.id),
    i.text_json, 'completed'
  from new_order
  join order_items i on i.order_id = $2::uuid and i.status = 'completed'
  returning id, sequence_number
),
images as (
  insert into library_assets (user_id, brand_id, order_id, order_item_id, type, cloudinary_url,
    cloudinary_public_id, slide_index, text_json, metadata, width, height, mime_type)
  select a.user_id, a.brand_id, $1::uuid, items.id, a.type, a.cloudinary_url, a.cloudinary_public_id,
    a.slide_index, a.text_json, a.metadata || jsonb_build_object('reusedFromAssetId', a.id),
    a.width, a.height, a.mime_type
  from items
  join order_items i on i.order_id = $2::uuid and i.sequence_number = items.sequence_number
  join library_assets a on a.order_item_id = i.id
),
videos as (
  insert into media_generations (user_id, brand_id, order_id, order_item_id, type, output_url,
    thumbnail_url, public_id, status, metadata, woofs, duration_seconds, width, height, mime_type)
  select m.user_id, m.brand_id, $1::uuid, items.id, m.type, m.output_url, m.thumbnail_url, m.public_id,
    'completed', m.metadata || jsonb_build_object('reusedFromGenerationId', m.id), 0,
    m.duration_seconds, m.width, m.height, m.mime_type
  from items
  join order_items i on i.order_id = $2::uuid and i.sequence_number = items.sequence_number
  join media_generations m on m.order_item_id = i.id and m.status = 'completed'
)
select new_order.id, (select type from source) as type, (select count(*) from items)::int as items
from new_order
`;
