/**
 * The database half of the admin bypass (operators and staff generate without counting against a
 * plan): `user_roles.role = 'admin'` or `profiles.granted_by_admin`. $1 user id.
 */
export const IS_ADMIN = `
  select
    exists (select 1 from user_roles where user_id = $1 and role = 'admin')
    or exists (select 1 from profiles where id = $1 and granted_by_admin) as is_admin
`;
