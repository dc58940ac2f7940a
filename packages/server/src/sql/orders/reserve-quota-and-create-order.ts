/**
 * Everything POST /v1/generate writes, in ONE statement (so one round trip and its own implicit
 * transaction: it all commits or nothing does):
 *
 * 1. `existing`: an earlier order of this user with the same Idempotency-Key. When there is one,
 *    nothing below runs and the route replays it (or answers 409 for another request).
 * 2. `brand`: the caller's brand (404 when absent), its plan, and the admin bypass (staff are not
 *    counted: `$14` = the email is in ADMIN_EMAILS, or user_roles admin, or profiles.granted_by_admin).
 * 3. `reservation`: `reserve_quota` (src/sql/quota/reserve-quota-function.ts), the one upsert of
 *    the period's counters row that concurrent orders serialise on, so used + reserved never
 *    passes the plan. The CASE keeps it from running at all for an admin bypass. No row back =
 *    refused.
 * 4. `new_order`, `items`, `job`: written only when the reservation went through or the bypass
 *    applies. The ids are chosen by the caller so the job payload can carry the order id.
 *
 * An Idempotency-Key race (two first requests with one key) fails the whole statement on
 * orders_idempotency_idx (23505), reservation included; the route then replays the winner.
 *
 * $1 order id, $2 job id, $3 user id, $4 allowed brand ids or null, $5 brand id, $6 format,
 * $7 topic, $8 ratio, $9 count, $10 video duration or null, $11 period yyyymm, $12 images cost,
 * $13 reels cost (Woofs are priced here by calculate_woofs_cost), $14 admin by email,
 * $15 Idempotency-Key or null, $16 request hash or null, $17 item type, $18 jsonb array of item
 * briefs, $19 job type, $20 job payload jsonb, $21 A/B variant count or null, $22 the request's
 * locale or null, $23 the locale when neither the request nor the brand names one (or null).
 * The order's language, `coalesce($22, brands.locale, $23)`, is written into every item brief and
 * the job payload here, so the brand's language costs no extra round trip.
 *
 * Returns one row: order_id and job_id (null when nothing was written), brand_found, and the
 * existing_* columns of an earlier order with the same key.
 */
export const RESERVE_QUOTA_AND_CREATE_ORDER = `
with existing as (
  select o.id, o.request_hash,
    (select j.id from job_queue j where j.order_id = o.id order by j.created_at limit 1) as job_id
  from orders o
  where $15::text is not null and o.user_id = $3::uuid and o.idempotency_key = $15::text
),
brand as (
  select b.id, p.priority, coalesce($22::text, b.locale, $23::text) as locale,
    $14::boolean
      or exists (select 1 from user_roles r where r.user_id = $3::uuid and r.role = 'admin')
      or exists (select 1 from profiles f where f.id = $3::uuid and f.granted_by_admin) as bypass
  from brands b
  join plans p on p.name = b.plan
  where b.id = $5::uuid and b.user_id = $3::uuid and ($4::uuid[] is null or b.id = any($4::uuid[]))
    and not exists (select 1 from existing)
),
cost as (
  select $12::integer as images, $13::integer as reels,
    case when $13::integer > 0 then calculate_woofs_cost($10::integer) else 0 end as woofs
),
reservation as (
  select brand.id
  from brand, cost
  where case when brand.bypass then false
    else reserve_quota(brand.id, $11::integer, cost.images, cost.reels, cost.woofs) end
),
new_order as (
  insert into orders (id, user_id, brand_id, type, topic, ratio, count, duration_seconds, period_yyyymm,
    reserved_images, reserved_reels, reserved_woofs, quota_bypass, idempotency_key, request_hash,
    variant_count)
  select $1::uuid, $3::uuid, brand.id, $6::text, $7::text, $8::text, $9::integer, $10::integer,
    $11::integer,
    case when brand.bypass then 0 else cost.images end,
    case when brand.bypass then 0 else cost.reels end,
    case when brand.bypass then 0 else cost.woofs end,
    brand.bypass, $15::text, $16::text, $21::integer
  from brand, cost
  where brand.bypass or exists (select 1 from reservation)
  returning id
),
items as (
  insert into order_items (order_id, sequence_number, type, brief_json)
  select new_order.id, (brief.ordinality - 1)::integer, $17::text,
    case when brand.locale is null then brief.value
      else brief.value || jsonb_build_object('locale', brand.locale) end
  from new_order, brand, jsonb_array_elements($18::jsonb) with ordinality as brief(value, ordinality)
),
job as (
  insert into job_queue (id, user_id, brand_id, order_id, type, kind, payload, priority)
  select $2::uuid, $3::uuid, brand.id, new_order.id, $19::text, $6::text,
    case when brand.locale is null then $20::jsonb
      else $20::jsonb || jsonb_build_object('locale', brand.locale) end,
    brand.priority
  from new_order, brand
  returning id
)
select
  (select id from new_order) as order_id,
  (select id from job) as job_id,
  exists (select 1 from brand) as brand_found,
  e.id as existing_order_id, e.request_hash as existing_request_hash, e.job_id as existing_job_id
from (select 1) as one
left join existing e on true
`;
