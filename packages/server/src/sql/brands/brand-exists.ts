/** $1 brand id, $2 owner user id. */
export const BRAND_EXISTS = 'select 1 from brands where id = $1 and user_id = $2';
