/** The order a job works on, with the brand style engines draw with. $1 order id. */
export const LOAD_JOB_ORDER = `
select o.id, o.user_id, o.brand_id, o.type, o.status, o.topic, o.ratio, o.count, o.duration_seconds, o.reserved_woofs,
  o.created_at, b.name as brand_name, b.palette, b.fonts, b.voice, b.niche, b.logo_url
from orders o join brands b on b.id = o.brand_id
where o.id = $1
`;
