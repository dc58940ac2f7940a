import type { UserPrincipal } from './principal.js';

const MAX_ENTRIES = 10_000;

/**
 * Remembers tokens whose signature already checked out, until they expire. Signature checks are the
 * largest CPU cost of an authenticated request (about 17% of the API's CPU under load), and a
 * browser sends the same token on every call. A token is immutable, so its verdict stays true until
 * its `exp`; the cache is capped and evicts the oldest entries first (Map keeps insertion order).
 */
export function createVerifiedTokenCache(now: () => number = Date.now) {
  const entries = new Map<string, { principal: UserPrincipal; expiresAt: number }>();
  return {
    get(token: string): UserPrincipal | null {
      const entry = entries.get(token);
      if (!entry) return null;
      if (entry.expiresAt <= now()) {
        entries.delete(token);
        return null;
      }
      return entry.principal;
    },
    set(token: string, principal: UserPrincipal, expiresAt: number): void {
      if (expiresAt <= now()) return;
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(token, { principal, expiresAt });
    },
  };
}
