/**
 * The request rate limits (RATE_LIMIT_* settings, README "Limits"), counted in PostgreSQL by
 * hono-rate-limiter with our store, so every API process shares one count:
 * - every request, per user token, per API key, or per client IP when it has no credentials;
 * - tighter: POST /v1/tokens per API key (instead of the key's request count), POST
 *   /admin/api/session per client IP (besides the IP's request count).
 * Failed authentication is limited apart, by `authFailureLimit` in the authenticate middleware.
 * Mounted after `authenticate`, which sets the principal the counts are kept by.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { type RateLimitInfo, rateLimiter } from 'hono-rate-limiter';
import type { AppDeps } from '../../deps.js';
import type { RateLimits } from '../../limits-config.js';
import { clientIp } from '../../rate-limit/client-ip.js';
import { PostgresRateLimitStore } from '../../rate-limit/postgres-store.js';
import { rateLimited } from '../../rate-limit/rate-limited.js';
import type { AppEnv } from '../env.js';

type Caller = { key: string; limit: number };

/** Callers are counted by kind; the kind is the key's prefix, so the store finds a key's limit. */
type CallerKind = 'user' | 'key' | 'ip';
function kindLimit(limits: RateLimits, kind: CallerKind): number {
  return kind === 'user' ? limits.user : kind === 'key' ? limits.apiKey : limits.ip;
}

function callerOf(c: Context<AppEnv>, limits: RateLimits, trustProxy: boolean): Caller {
  const principal = c.get('principal');
  const as = (kind: CallerKind, id: string): Caller => ({
    key: `${kind}:${id}`,
    limit: kindLimit(limits, kind),
  });
  if (principal?.kind === 'apiKey') return as('key', principal.keyId);
  if (principal?.kind === 'user') {
    // A backend acting for its users is one caller, its key: not one per user it names.
    return principal.viaApiKey && principal.keyId ? as('key', principal.keyId) : as('user', principal.userId);
  }
  return as('ip', clientIp(c, trustProxy));
}

function limitOfCaller(limits: RateLimits): (key: string) => number {
  return (key) => kindLimit(limits, key.slice(0, key.indexOf(':')) as CallerKind);
}

function limiter(
  deps: AppDeps,
  limits: RateLimits,
  name: string,
  what: string,
  pickCaller: (c: Context<AppEnv>) => Caller | null,
  limitOf: (key: string) => number,
): MiddlewareHandler<AppEnv> {
  // hono-rate-limiter asks for the caller three times (skip, key, limit): work it out once.
  const callers = new WeakMap<Context<AppEnv>, Caller | null>();
  const pick = (c: Context<AppEnv>): Caller | null => {
    if (callers.has(c)) return callers.get(c)!;
    const caller = pickCaller(c);
    callers.set(c, caller);
    return caller;
  };
  return rateLimiter<AppEnv>({
    windowMs: limits.windowSeconds * 1000,
    limit: (c) => pick(c)?.limit ?? 0,
    keyGenerator: (c) => pick(c)?.key ?? '',
    skip: (c) => !pick(c)?.limit,
    standardHeaders: 'draft-6',
    store: new PostgresRateLimitStore(deps.db, name, limits.windowSeconds, { limitOf }),
    handler: (c) => {
      const info = (c as unknown as Context<{ Variables: { rateLimit?: RateLimitInfo } }>).get('rateLimit');
      throw rateLimited(c, info?.resetTime, what);
    },
  });
}

export function rateLimits(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const limits = deps.config.limits.rateLimits;
  if (!limits) return (_c, next) => next();
  const trustProxy = deps.config.limits.trustProxy;
  const requests = limiter(
    deps,
    limits,
    'requests',
    'requests',
    (c) => (c.req.path.startsWith('/v1/health') ? null : callerOf(c, limits, trustProxy)),
    limitOfCaller(limits),
  );
  const tokens = limiter(
    deps,
    limits,
    'tokens',
    'tokens minted',
    (c) => {
      const principal = c.get('principal');
      return principal?.kind === 'apiKey' ? { key: principal.keyId, limit: limits.tokens } : null;
    },
    () => limits.tokens,
  );
  const adminLogin = limiter(
    deps,
    limits,
    'admin-login',
    'login attempts',
    (c) => ({
      key: clientIp(c, trustProxy),
      limit: limits.adminLogin,
    }),
    () => limits.adminLogin,
  );
  return (c, next) => {
    const thenRequests = async () => {
      await requests(c, next);
    };
    // Minting is counted once, by its own tighter limit: a second count on the same key's row
    // would double the writes of the busiest route of a backend.
    if (c.req.method === 'POST' && c.req.path === '/v1/tokens' && c.get('principal')?.kind === 'apiKey') {
      return tokens(c, next);
    }
    if (c.req.method === 'POST' && c.req.path === '/admin/api/session') return adminLogin(c, thenRequests);
    return requests(c, next);
  };
}
