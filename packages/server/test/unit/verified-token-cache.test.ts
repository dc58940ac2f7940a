import { describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../src/auth/principal.js';
import { createVerifiedTokenCache } from '../../src/auth/verified-token-cache.js';

const principal = { kind: 'user', userId: 'u', email: null, role: null, brandIds: null, viaApiKey: false };

describe('verified token cache', () => {
  it('answers until the token expires, then forgets it', () => {
    let now = 1_000;
    const cache = createVerifiedTokenCache(() => now);
    cache.set('t', principal as UserPrincipal, 2_000);
    expect(cache.get('t')).toBe(principal);
    now = 2_000;
    expect(cache.get('t')).toBeNull();
  });

  it('never keeps a token that is already expired or has no expiry', () => {
    const cache = createVerifiedTokenCache(() => 5_000);
    cache.set('old', principal as UserPrincipal, 4_000);
    cache.set('no-exp', principal as UserPrincipal, 0);
    expect(cache.get('old')).toBeNull();
    expect(cache.get('no-exp')).toBeNull();
  });
});
