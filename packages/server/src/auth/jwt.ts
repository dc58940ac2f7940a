import { createSecretKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, decodeProtectedHeader, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config.js';
import { type LimitsConfig, loadLimits, type TokenRules } from '../limits-config.js';
import { isUuid, type UserPrincipal } from './principal.js';
import { createVerifiedTokenCache } from './verified-token-cache.js';

export interface UserTokenClaims {
  userId: string;
  email?: string | null;
  brandIds?: string[] | null;
  /** Seconds; default 3600. */
  expiresIn?: number;
  /** `aud`; default `authenticated` (Supabase's, and JWT_AUDIENCE's default). */
  audience?: string;
}

/**
 * Signs a Supabase-shaped user token (HS256): `sub`, `email`, `role: authenticated`, and the Alfie
 * `brandIds` claim when the token is restricted to some brands.
 *
 * @example
 * const { token, expiresAt } = await signUserToken(config.jwtSecret!, { userId, brandIds: [brandId] });
 */
// One KeyObject per secret: jose keeps the WebCrypto key it derives from a KeyObject, where raw
// bytes would be imported again on every token minted.
const signingKeys = new Map<string, KeyObject>();
function signingKey(secret: string): KeyObject {
  const known = signingKeys.get(secret);
  if (known) return known;
  const key = createSecretKey(Buffer.from(secret));
  signingKeys.set(secret, key);
  return key;
}

export async function signUserToken(
  secret: string,
  claims: UserTokenClaims,
  now = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + (claims.expiresIn ?? 3600);
  const payload: JWTPayload = { role: 'authenticated' };
  if (claims.email) payload.email = claims.email;
  if (claims.brandIds) payload.brandIds = claims.brandIds;
  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setAudience(claims.audience ?? 'authenticated')
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(signingKey(secret));
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

export type TokenVerifier = (token: string) => Promise<UserPrincipal | null>;

/**
 * Verifies bearer JWTs: HS256 with JWT_SECRET (Supabase's default), or any key of JWKS_URL
 * (Supabase's asymmetric keys, other identity providers). Returns null for anything invalid,
 * expired, without `exp`, for another audience, issued in the future, living longer than
 * JWT_MAX_LIFETIME_SECONDS, or without a UUID `sub`.
 */
export function createTokenVerifier(
  config: Pick<Config, 'jwtSecret' | 'jwksUrl'> & { limits?: Pick<LimitsConfig, 'tokens'> },
): TokenVerifier {
  const rules: TokenRules = config.limits?.tokens ?? loadLimits({}).tokens;
  const options = {
    audience: rules.audiences,
    requiredClaims: ['exp'],
    clockTolerance: rules.clockSkewSeconds,
  };
  // A KeyObject is imported once; a raw Uint8Array makes jose import the key on every request.
  const secret = config.jwtSecret ? createSecretKey(Buffer.from(config.jwtSecret)) : null;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  const verified = createVerifiedTokenCache();

  return async (token) => {
    const cached = verified.get(token);
    if (cached) return cached;
    const principal = await verify(token);
    if (principal) verified.set(token, principal.principal, principal.expiresAt);
    return principal?.principal ?? null;
  };

  async function verify(token: string): Promise<{ principal: UserPrincipal; expiresAt: number } | null> {
    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      if (alg === 'HS256' && secret) {
        ({ payload } = await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] }));
      } else if (alg !== 'HS256' && alg !== 'none' && jwks) {
        ({ payload } = await jwtVerify(token, jwks, options));
      } else {
        return null;
      }
    } catch {
      return null;
    }
    if (!withinLifetime(payload, rules)) return null;
    if (!isUuid(payload.sub)) return null;
    const brandIds = payload.brandIds;
    if (brandIds !== undefined && !(Array.isArray(brandIds) && brandIds.every(isUuid))) return null;
    const principal: UserPrincipal = {
      kind: 'user',
      userId: payload.sub.toLowerCase(),
      email: typeof payload.email === 'string' && payload.email ? payload.email : null,
      role: typeof payload.role === 'string' ? payload.role : null,
      brandIds: brandIds === undefined ? null : (brandIds as string[]).map((id) => id.toLowerCase()),
      viaApiKey: false,
    };
    return { principal, expiresAt: (payload.exp as number) * 1000 };
  }
}

/**
 * A token that claims to be issued in the future, or to live longer than the limit, is refused:
 * a leaked one would otherwise stay usable for as long as its issuer chose.
 */
function withinLifetime(payload: JWTPayload, rules: TokenRules, now = Date.now() / 1000): boolean {
  const exp = payload.exp as number;
  const iat = typeof payload.iat === 'number' ? payload.iat : null;
  if (iat !== null && iat > now + rules.clockSkewSeconds) return false;
  return exp - (iat ?? now) <= rules.maxLifetimeSeconds + rules.clockSkewSeconds;
}
