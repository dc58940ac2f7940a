/** True when user $1 has `user_roles.role = 'admin'` (the dashboard's user admins). */
export const HAS_ADMIN_ROLE = `
select exists (select 1 from user_roles where user_id = $1 and role = 'admin') as admin
`;
