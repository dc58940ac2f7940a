/**
 * The brand's best earlier order that a request may reuse, or no row. A match is a completed,
 * rendered (not itself reused) order of the caller for the same brand, with:
 * - the same format, ratio, count, video duration and number of variants;
 * - the brand's style unchanged since it was made (`style_key`, migration 0010);
 * - the same topic after normalisation: the same word set (`topic_signature`: case, accents,
 *   punctuation, word order, French and English stop words and plurals aside), looked up by index
 *   in the whole history;
 * - or a close topic: pg_trgm similarity of the normalised topics at least $9, naming the same
 *   numbers ("tendances 2024" is not "tendances 2025", however alike the letters), among the
 *   brand's latest $12 orders of that format and ratio. Scoring a bounded set keeps the lookup a
 *   few milliseconds at any history size, where a trigram index scan over a brand's 100,000
 *   similar topics took tens of milliseconds (bench/reuse-match.ts).
 * A same-signature match wins over a merely similar one; then the most similar, then the newest.
 *
 * $1 user id, $2 allowed brand ids or null, $3 brand id, $4 format, $5 ratio, $6 count,
 * $7 duration or null, $8 requested topic, $9 minimum similarity, $10 variant count or null,
 * $11 only this order id, or null for any, $12 how many recent orders the similarity scores.
 */
export const FIND_REUSE_MATCH = `
with brand as (
  select b.id, alfie_brand_style_key(b.palette, b.fonts, b.logo_url, b.voice, b.niche, b.name) as style_key
  from brands b
  where b.id = $3::uuid and b.user_id = $1::uuid and ($2::uuid[] is null or b.id = any($2::uuid[]))
),
wanted as (
  select alfie_topic_key($8::text) as key, alfie_topic_signature($8::text) as signature,
    array(select m[1] from regexp_matches(alfie_topic_key($8::text), '([0-9]+)', 'g') as m) as numbers
),
same_words as (
  select o.*, 0 as rank from orders o, wanted
  where o.brand_id = $3::uuid and o.type = $4::text and o.ratio = $5::text
    and o.status = 'completed' and o.reused_from_order_id is null
    and wanted.signature <> '' and o.topic_signature = wanted.signature
  order by o.created_at desc
  limit 20
),
recent as (
  select o.*, 1 as rank from orders o
  where o.brand_id = $3::uuid and o.type = $4::text and o.ratio = $5::text
    and o.status = 'completed' and o.reused_from_order_id is null
  order by o.created_at desc
  limit $12::integer
),
candidates as (
  select * from same_words union all select * from recent
)
select o.id, o.topic, o.type, o.ratio, o.created_at,
  similarity(o.topic_key, wanted.key)::float8 as similarity,
  (select a.cloudinary_url from library_assets a where a.order_id = o.id
   order by a.slide_index = coalesce(o.chosen_variant, 0) desc, a.slide_index limit 1) as preview_url
from candidates o, brand, wanted
-- The brand row (the caller's, within the token's brands) gates everything found.
where o.brand_id = brand.id and o.user_id = $1::uuid
  and ($11::uuid is null or o.id = $11::uuid)
  and o.count = $6::integer
  and o.duration_seconds is not distinct from $7::integer
  and o.variant_count is not distinct from $10::integer
  and o.style_key = brand.style_key
  and (o.rank = 0 or (similarity(o.topic_key, wanted.key) >= $9::float8
    and array(select m[1] from regexp_matches(o.topic_key, '([0-9]+)', 'g') as m) = wanted.numbers))
order by o.rank, similarity(o.topic_key, wanted.key) desc, o.created_at desc
limit 1
`;
