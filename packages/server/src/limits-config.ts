import { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

/**
 * Request counts per window. Each is the most requests one caller may make in one window; 0
 * switches that limit off. The counts live in PostgreSQL, so every API process on one database
 * shares them.
 */
export interface RateLimits {
  windowSeconds: number;
  /** Per user token (or API key acting for a user with X-Alfie-User-Id: counted per key). */
  user: number;
  /** Per secret API key. */
  apiKey: number;
  /** Per client IP, requests without credentials. */
  ip: number;
  /** Per client IP, requests whose credentials were refused (wrong key, bad token). */
  authFailures: number;
  /** Per API key, POST /v1/tokens. */
  tokens: number;
  /** Per client IP, POST /admin/api/session (the dashboard's login form). */
  adminLogin: number;
}

/** What a bearer JWT must satisfy besides its signature. */
export interface TokenRules {
  /** Accepted `aud` values; minted tokens carry the first. Supabase issues `authenticated`. */
  audiences: string[];
  /** Longest accepted `exp - iat` (or `exp - now` without `iat`), in seconds. */
  maxLifetimeSeconds: number;
  /** Clock difference tolerated on `exp`, `nbf` and `iat`, in seconds. */
  clockSkewSeconds: number;
}

/** The server's limits against abuse; part of `Config` as `config.limits`. */
export interface LimitsConfig {
  /** Brands a user token may create (an API key may create any number). */
  maxBrandsPerUser: number;
  /** Null when RATE_LIMITS=off. */
  rateLimits: RateLimits | null;
  /** Take the client IP from the last X-Forwarded-For hop (set behind a reverse proxy only). */
  trustProxy: boolean;
  /** Pending-connection queue of the API's listening socket (the kernel caps it at somaxconn). */
  listenBacklog: number;
  tokens: TokenRules;
}

function integer(env: Env, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

/**
 * Reads the limits from the environment (see the README's limits table for every variable).
 *
 * @example
 * const limits = loadLimits({ MAX_BRANDS_PER_USER: '3', RATE_LIMIT_USER: '0' });
 */
export function loadLimits(env: Env): LimitsConfig {
  const rateLimits: RateLimits | null = flag(env, 'RATE_LIMITS', true)
    ? {
        windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
        user: integer(env, 'RATE_LIMIT_USER', 600, 0),
        apiKey: integer(env, 'RATE_LIMIT_API_KEY', 6000, 0),
        ip: integer(env, 'RATE_LIMIT_IP', 300, 0),
        authFailures: integer(env, 'RATE_LIMIT_AUTH_FAILURES', 20, 0),
        tokens: integer(env, 'RATE_LIMIT_TOKENS', 1200, 0),
        adminLogin: integer(env, 'RATE_LIMIT_ADMIN_LOGIN', 10, 0),
      }
    : null;
  const audiences = (env.JWT_AUDIENCE ?? 'authenticated')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (audiences.length === 0) throw new ConfigError('JWT_AUDIENCE must name at least one audience');
  return {
    maxBrandsPerUser: integer(env, 'MAX_BRANDS_PER_USER', 1, 0),
    rateLimits,
    trustProxy: flag(env, 'TRUST_PROXY', false),
    listenBacklog: integer(env, 'LISTEN_BACKLOG', 4096, 1, 65535),
    tokens: {
      audiences,
      maxLifetimeSeconds: integer(env, 'JWT_MAX_LIFETIME_SECONDS', 86400, 60),
      clockSkewSeconds: integer(env, 'JWT_CLOCK_SKEW_SECONDS', 30, 0, 600),
    },
  };
}
