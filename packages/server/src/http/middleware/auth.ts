/**
 * Authentication for every route, and the helpers routes use to require it.
 *
 * Credentials: `Authorization: Bearer <JWT>` (HS256 with JWT_SECRET, or JWKS_URL; Supabase claims
 * `sub`, `email`, `role`, optional `brandIds`), or `Authorization: Bearer sk_...` (secret API key).
 * An API key may act for one user with `X-Alfie-User-Id: <uuid>`. GET requests may pass the JWT as
 * `?access_token=` instead, because browsers' EventSource cannot set headers (SSE routes).
 *
 * The `authenticate` middleware (mounted once by app.ts for everything) resolves the principal or
 * answers 401 for bad credentials (429 once a client IP passes RATE_LIMIT_AUTH_FAILURES). Known
 * API keys are remembered for a minute (auth/api-key-verifier.ts). Routes then call:
 *
 * @example
 * import { requireUser, brandScope } from './middleware/auth.js';
 * app.get('/v1/orders/:id/events', async (c) => {
 *   const user = requireUser(c);        // 401 UNAUTHORIZED if no user; scope every query by user.userId
 *   const brands = brandScope(user);    // null, or the only brand ids the token may touch
 * });
 */
import type { Context, MiddlewareHandler } from 'hono';
import { type ApiKeyVerifier, createApiKeyVerifier } from '../../auth/api-key-verifier.js';
import { isApiKey } from '../../auth/api-keys.js';
import { createTokenVerifier, type TokenVerifier } from '../../auth/jwt.js';
import { type ApiKeyPrincipal, isUuid, type Principal, type UserPrincipal } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { forbidden, unauthorized, validationFailed } from '../../errors.js';
import { authFailureLimit } from '../../rate-limit/auth-failures.js';
import type { AppEnv } from '../env.js';

export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const verifiers: Verifiers = {
    token: createTokenVerifier(deps.config),
    apiKey: createApiKeyVerifier(deps.db),
    failures: authFailureLimit(deps.db, deps.config.limits),
  };
  return async (c, next) => {
    c.set('principal', await resolvePrincipal(c, verifiers));
    await next();
  };
}

interface Verifiers {
  token: TokenVerifier;
  apiKey: ApiKeyVerifier;
  failures: ReturnType<typeof authFailureLimit>;
}

async function resolvePrincipal(c: Context<AppEnv>, verifiers: Verifiers): Promise<Principal | null> {
  const header = c.req.header('authorization');
  let token: string | undefined;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      const error = unauthorized('The Authorization header must be "Bearer <token>"');
      throw await verifiers.failures.failed(c, error);
    }
    token = match[1];
  } else if (c.req.method === 'GET') {
    token = c.req.query('access_token') || undefined;
  }
  if (!token) return null;

  if (isApiKey(token)) {
    // Only a key that needs a database lookup is held back by the failure limit.
    if (!verifiers.apiKey.cached(token)) await verifiers.failures.check(c);
    const key = await verifiers.apiKey(token);
    if (!key) throw await verifiers.failures.failed(c, unauthorized('Unknown or revoked API key'));
    return actAs(c, key);
  }
  const user = await verifiers.token(token);
  if (!user) throw await verifiers.failures.failed(c, unauthorized('Invalid or expired token'));
  return user;
}

function actAs(c: Context<AppEnv>, key: ApiKeyPrincipal): Principal {
  const userId = c.req.header('x-alfie-user-id');
  if (userId === undefined) return key;
  if (!isUuid(userId)) throw validationFailed('X-Alfie-User-Id must be a UUID');
  return {
    kind: 'user',
    userId: userId.toLowerCase(),
    email: null,
    role: null,
    brandIds: null,
    viaApiKey: true,
    keyId: key.keyId,
  };
}

/** The calling user; throws 401 when the request has no user credentials. Works with any Hono env. */
// biome-ignore lint/suspicious/noExplicitAny: usable from routers typed with any Env
export function requireUser(c: Context<any>): UserPrincipal {
  const principal = (c as Context<AppEnv>).get('principal');
  if (principal?.kind === 'user') return principal;
  if (principal?.kind === 'apiKey') {
    throw unauthorized('This route acts for a user: send a user token, or X-Alfie-User-Id with the API key');
  }
  throw unauthorized();
}

/** The calling secret API key; 401 without credentials, 403 for a user token. */
// biome-ignore lint/suspicious/noExplicitAny: usable from routers typed with any Env
export function requireApiKey(c: Context<any>): ApiKeyPrincipal {
  const principal = (c as Context<AppEnv>).get('principal');
  if (principal?.kind === 'apiKey') return principal;
  if (principal) throw forbidden('This route needs a secret API key');
  throw unauthorized('This route needs a secret API key');
}

/** True when the request is trusted server-to-server (an API key, acting for a user or not). */
// biome-ignore lint/suspicious/noExplicitAny: usable from routers typed with any Env
export function isServerCall(c: Context<any>): boolean {
  const principal = (c as Context<AppEnv>).get('principal');
  return principal?.kind === 'apiKey' || (principal?.kind === 'user' && principal.viaApiKey);
}

/** Brand ids a token is restricted to, or null for all of the user's brands. Pass to SQL as `$n::uuid[]`. */
export function brandScope(user: UserPrincipal): string[] | null {
  return user.brandIds;
}
