/**
 * The storage ids of everything an order delivered: images and slides (library_assets), videos
 * (media_generations, failed rows included: a file may exist for them) and each video's poster,
 * stored beside it as `<publicId>-poster` (src/worker/pipeline/render-video.ts). Storages ignore
 * ids they do not know, so a poster id is listed whether or not one was stored. Files another order
 * still shows (a reuse and its original share them) are left out. $1 order id.
 */
export const LIST_ORDER_STORED_FILES = `
  select a.cloudinary_public_id as public_id, null::text as poster_public_id
  from library_assets a
  where a.order_id = $1 and a.cloudinary_public_id is not null
    and not exists (select 1 from library_assets s
      where s.cloudinary_public_id = a.cloudinary_public_id and s.order_id <> $1)
  union all
  select m.public_id, case when m.type = 'video' then m.public_id || '-poster' end
  from media_generations m
  where m.order_id = $1 and m.public_id is not null
    and not exists (select 1 from media_generations s where s.public_id = m.public_id and s.order_id <> $1)
`;
