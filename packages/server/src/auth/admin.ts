import type { Config } from '../config.js';
import type { Queryable } from '../db/types.js';
import { IS_ADMIN } from '../sql/users/is-admin.js';
import type { UserPrincipal } from './principal.js';

/**
 * The admin bypass, so operators and staff can generate without spending a customer's plan: quotas
 * do not apply when the email is in ADMIN_EMAILS, or the user has
 * `user_roles.role = 'admin'`, or `profiles.granted_by_admin`.
 */
export async function isAdmin(
  db: Queryable,
  config: Pick<Config, 'adminEmails'>,
  user: UserPrincipal,
): Promise<boolean> {
  if (user.email && config.adminEmails.includes(user.email.toLowerCase())) return true;
  const { rows } = await db.query<{ is_admin: boolean }>(IS_ADMIN, [user.userId]);
  return rows[0]?.is_admin === true;
}
