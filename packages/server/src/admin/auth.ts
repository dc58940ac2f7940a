import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { isApiKey, verifyApiKey } from '../auth/api-keys.js';
import type { TokenVerifier } from '../auth/jwt.js';
import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/types.js';
import type { AppEnv } from '../http/env.js';
import { API_KEY_ACTIVE } from '../sql/admin/api-key-active.js';
import { HAS_ADMIN_ROLE } from '../sql/admin/has-admin-role.js';
import { ADMIN_COOKIE, type AdminActor, type SessionCodec } from './session.js';

/**
 * An admin is a secret API key, a user whose token's email is in ADMIN_EMAILS, or a user with
 * `user_roles.role = 'admin'`. Null for anyone else.
 */
export async function adminFromPrincipal(
  db: Queryable,
  principal: Principal | null,
  adminEmails: string[],
): Promise<AdminActor | null> {
  if (!principal) return null;
  if (principal.kind === 'apiKey') return { kind: 'apiKey', keyId: principal.keyId, name: principal.name };
  if (principal.viaApiKey) return null;
  const actor: AdminActor = { kind: 'user', userId: principal.userId, email: principal.email };
  return (await isAdminUser(db, actor, adminEmails)) ? actor : null;
}

async function isAdminUser(
  db: Queryable,
  user: { userId: string; email: string | null },
  adminEmails: string[],
): Promise<boolean> {
  if (user.email && adminEmails.includes(user.email.toLowerCase())) return true;
  const { rows } = await db.query<{ admin: boolean }>(HAS_ADMIN_ROLE, [user.userId]);
  return rows[0]?.admin === true;
}

/** What the login form accepts: a secret API key, or a user JWT (Supabase session token). */
export async function adminFromCredential(
  db: Queryable,
  verifyToken: TokenVerifier,
  credential: string,
  adminEmails: string[],
): Promise<AdminActor | null> {
  if (isApiKey(credential)) {
    const key = await verifyApiKey(db, credential);
    return key ? { kind: 'apiKey', keyId: key.keyId, name: key.name } : null;
  }
  const user = await verifyToken(credential);
  return user ? adminFromPrincipal(db, user, adminEmails) : null;
}

/**
 * The admin behind a request: its bearer credentials (checked by the app's authenticate
 * middleware), else its session cookie, re-checked against the database on every request so a
 * revoked key or a removed role ends the session at once.
 */
export async function requestAdmin(
  c: Context<AppEnv>,
  db: Queryable,
  sessions: SessionCodec,
  adminEmails: string[],
): Promise<{ actor: AdminActor | null; credentials: boolean }> {
  const principal = c.get('principal');
  if (principal) return { actor: await adminFromPrincipal(db, principal, adminEmails), credentials: true };
  const cookie = getCookie(c, ADMIN_COOKIE);
  if (!cookie) return { actor: null, credentials: false };
  const actor = await sessions.verify(cookie);
  if (!actor) return { actor: null, credentials: true };
  const still =
    actor.kind === 'apiKey'
      ? (await db.query<{ active: boolean }>(API_KEY_ACTIVE, [actor.keyId])).rows[0]?.active === true
      : await isAdminUser(db, actor, adminEmails);
  return { actor: still ? actor : null, credentials: true };
}
