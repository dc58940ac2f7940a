import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { INSERT_API_KEY } from '../sql/auth/insert-api-key.js';
import { TOUCH_API_KEY } from '../sql/auth/touch-api-key.js';
import type { ApiKeyPrincipal } from './principal.js';

export const API_KEY_PREFIX = 'sk_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function isApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/**
 * Creates a secret API key. Only its SHA-256 is stored: the returned `key` is shown once.
 *
 * @example
 * const { key } = await createApiKey(db, 'my backend');
 * // Authorization: Bearer sk_...
 */
export async function createApiKey(
  db: Queryable,
  name: string,
): Promise<{ id: string; name: string; prefix: string; key: string }> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = key.slice(0, 10);
  const { rows } = await db.query<{ id: string }>(INSERT_API_KEY, [name, prefix, hashApiKey(key)]);
  return { id: rows[0]!.id, name, prefix, key };
}

/** The principal of a live key, or null for an unknown or revoked one. */
export async function verifyApiKey(db: Queryable, key: string): Promise<ApiKeyPrincipal | null> {
  const { rows } = await db.query<{ id: string; name: string }>(TOUCH_API_KEY, [hashApiKey(key)]);
  const row = rows[0];
  return row ? { kind: 'apiKey', keyId: row.id, name: row.name } : null;
}
