import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import { verifyApiKey } from './api-keys.js';
import type { ApiKeyPrincipal } from './principal.js';

/** How long a key checked against the database is trusted without asking again. */
export const API_KEY_CACHE_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  digest: Buffer;
  principal: ApiKeyPrincipal;
  checkedAt: number;
}

/**
 * Checks secret keys for the authenticate middleware. Keys carry 256 random bits, so one SHA-256
 * is a sound check (a slow password hash would only make every request slow). A key verified in
 * the database is remembered for a minute by its public prefix, and a later request's digest is
 * compared with the remembered one in constant time; so a busy backend costs no query per request
 * and a revoked key stops working within a minute. Unknown keys are never remembered.
 *
 * @example
 * const verify = createApiKeyVerifier(db);
 * const principal = await verify('sk_…'); // null when unknown or revoked
 */
export function createApiKeyVerifier(db: Queryable, now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const verifier = async (key: string): Promise<ApiKeyPrincipal | null> => {
    const cached = verifier.cached(key);
    if (cached) return cached;
    const principal = await verifyApiKey(db, key);
    if (principal) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(key.slice(0, 10), { digest: digestOf(key), principal, checkedAt: now() });
    }
    return principal;
  };
  /** The principal of a key verified less than a minute ago, without a query; else null. */
  verifier.cached = (key: string): ApiKeyPrincipal | null => {
    const entry = entries.get(key.slice(0, 10));
    if (!entry) return null;
    if (now() - entry.checkedAt >= API_KEY_CACHE_MS) {
      entries.delete(key.slice(0, 10));
      return null;
    }
    return timingSafeEqual(entry.digest, digestOf(key)) ? entry.principal : null;
  };
  return verifier;
}

function digestOf(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export type ApiKeyVerifier = ReturnType<typeof createApiKeyVerifier>;
