import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, signUserToken } from '../../src/auth/jwt.js';
import { loadLimits } from '../../src/limits-config.js';

const SECRET = 'unit-test-secret-unit-test-secret-1234';
const key = new TextEncoder().encode(SECRET);
const now = () => Math.floor(Date.now() / 1000);

/** A Supabase-shaped token, with each claim overridable (`undefined` leaves it out). */
function token(claims: { aud?: string; iat?: number; exp?: number; sub?: string } = {}) {
  const all = { sub: randomUUID(), aud: 'authenticated', iat: now(), exp: now() + 3600, ...claims };
  const payload = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(key);
}

describe('strict token checks', () => {
  const verify = createTokenVerifier({ jwtSecret: SECRET, jwksUrl: null, limits: loadLimits({}) });

  it('accepts a well-formed token', async () => {
    expect(await verify(await token())).not.toBeNull();
  });

  it('refuses the lax tokens: no exp, any aud, iat a day ahead, exp ten years ahead', async () => {
    expect(await verify(await token({ exp: undefined }))).toBeNull();
    expect(await verify(await token({ aud: 'someone-else' }))).toBeNull();
    expect(await verify(await token({ aud: undefined }))).toBeNull();
    expect(await verify(await token({ iat: now() + 86400, exp: now() + 90000 }))).toBeNull();
    expect(await verify(await token({ exp: now() + 10 * 365 * 86400 }))).toBeNull();
    expect(await verify(await token({ iat: undefined, exp: now() + 10 * 365 * 86400 }))).toBeNull();
  });

  it('tolerates a small clock skew, and takes the audience and lifetime from the settings', async () => {
    expect(await verify(await token({ iat: now() + 10 }))).not.toBeNull();
    const custom = createTokenVerifier({
      jwtSecret: SECRET,
      jwksUrl: null,
      limits: loadLimits({
        JWT_AUDIENCE: 'my-app',
        JWT_MAX_LIFETIME_SECONDS: '600',
        JWT_CLOCK_SKEW_SECONDS: '0',
      }),
    });
    expect(await custom(await token({ aud: 'my-app', exp: now() + 600 }))).not.toBeNull();
    expect(await custom(await token({ aud: 'authenticated', exp: now() + 600 }))).toBeNull();
    expect(await custom(await token({ aud: 'my-app', exp: now() + 3600 }))).toBeNull();
    expect(await custom(await token({ aud: 'my-app', iat: now() + 10, exp: now() + 600 }))).toBeNull();
  });

  it('mints tokens that carry exp, iat and the audience, and pass the checks', async () => {
    const { token: minted } = await signUserToken(SECRET, { userId: randomUUID(), audience: 'my-app' });
    const [, body] = minted.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    expect(claims).toMatchObject({ aud: 'my-app', iat: expect.any(Number), exp: expect.any(Number) });
    const custom = createTokenVerifier({
      jwtSecret: SECRET,
      jwksUrl: null,
      limits: loadLimits({ JWT_AUDIENCE: 'my-app' }),
    });
    expect(await custom(minted)).not.toBeNull();
  });
});
