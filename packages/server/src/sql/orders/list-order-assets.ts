/**
 * Delivered files of some orders as one list of the API's Asset shape: images and slides from
 * library_assets, videos from media_generations (their slide index is their item's sequence).
 * Sorted by order, then slide index. $1 order ids, $2 user id.
 */
export const LIST_ORDER_ASSETS = `
  select * from (
    select a.id, a.order_id, a.order_item_id, a.brand_id, a.type, a.cloudinary_url as url,
      null::text as thumbnail_url, a.cloudinary_public_id as public_id, a.slide_index, a.width, a.height,
      null::integer as duration_seconds, a.mime_type, a.text_json, a.created_at
    from library_assets a
    where a.order_id = any($1::uuid[]) and a.user_id = $2
    union all
    select m.id, m.order_id, m.order_item_id, m.brand_id,
      case when m.type = 'video' then 'video' else 'image' end, m.output_url,
      m.thumbnail_url, m.public_id, i.sequence_number, m.width, m.height,
      m.duration_seconds, m.mime_type, null::jsonb, m.created_at
    from media_generations m
    left join order_items i on i.id = m.order_item_id
    where m.order_id = any($1::uuid[]) and m.user_id = $2 and m.status = 'completed'
  ) assets
  order by order_id, slide_index nulls last, created_at, id
`;
