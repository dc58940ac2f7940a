import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, signUserToken } from '../../src/auth/jwt.js';

const SECRET = 'unit-test-secret-unit-test-secret-1234';

describe('token verification', () => {
  let server: Server;
  let jwksUrl: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const rs256 = (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setAudience('authenticated')
      .setExpirationTime('1h')
      .sign(privateKey);

  it('verifies asymmetric tokens against JWKS_URL', async () => {
    const verify = createTokenVerifier({ jwtSecret: null, jwksUrl });
    const userId = randomUUID();
    expect(await verify(await rs256({ sub: userId, email: 'a@b.test', role: 'authenticated' }))).toEqual({
      kind: 'user',
      userId,
      email: 'a@b.test',
      role: 'authenticated',
      brandIds: null,
      viaApiKey: false,
    });
    // No secret configured: HS256 tokens are refused rather than trusted.
    const { token } = await signUserToken(SECRET, { userId });
    expect(await verify(token)).toBeNull();
  });

  it('uses both when both are configured, and refuses unsigned tokens', async () => {
    const verify = createTokenVerifier({ jwtSecret: SECRET, jwksUrl });
    const userId = randomUUID();
    expect((await verify((await signUserToken(SECRET, { userId })).token))?.userId).toBe(userId);
    expect((await verify(await rs256({ sub: userId })))?.userId).toBe(userId);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: userId })).toString('base64url');
    expect(await verify(`${header}.${body}.`)).toBeNull();
    expect(await verify('not.a.jwt')).toBeNull();
  });

  it('refuses malformed brandIds claims', async () => {
    const verify = createTokenVerifier({ jwtSecret: SECRET, jwksUrl: null });
    const sign = (brandIds: unknown) =>
      new SignJWT({ sub: randomUUID(), brandIds })
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience('authenticated')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(SECRET));
    expect(await verify(await sign('all'))).toBeNull();
    expect(await verify(await sign(['not-a-uuid']))).toBeNull();
    const brand = randomUUID();
    expect((await verify(await sign([brand])))?.brandIds).toEqual([brand]);
  });
});
