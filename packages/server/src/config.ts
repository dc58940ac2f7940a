import { resolve } from 'node:path';
import { PLANS, type PlanName } from '@alfie/core/contract';
import { ConfigError } from './config-error.js';
import { type LimitsConfig, loadLimits } from './limits-config.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Server settings, read once from the environment by `loadConfig`. */
export interface Config {
  /** node-postgres when set; embedded PGlite under `dataDir` otherwise. */
  databaseUrl: string | null;
  /** Absolute. Holds PGlite's data, the generated JWT secret and local files. Default ./.alfie */
  dataDir: string;
  port: number;
  host: string;
  /** Base URL clients reach this server at (printed, and used for local file URLs). */
  publicUrl: string;
  /** HS256 secret. Null until the CLI generates one, or when only JWKS_URL is used. */
  jwtSecret: string | null;
  jwksUrl: string | null;
  /** Lower-cased. Quotas do not apply to these users. */
  adminEmails: string[];
  /** Origins allowed by CORS; `['*']` allows any (tokens travel in headers, never cookies). */
  allowedOrigins: string[];
  defaultPlan: PlanName;
  logLevel: LogLevel;
  /** Largest accepted request body in bytes (webhooks from providers get 1 MB). */
  bodyLimit: number;
  /** REPLICATE_WEBHOOK_SECRET (`whsec_...`): enables POST /v1/webhooks/replicate. */
  replicateWebhookSecret: string | null;
  /** METRICS_TOKEN: bearer that GET /metrics accepts (besides a secret API key). Null: key only. */
  metricsToken: string | null;
  /** Brands per user, rate limits, listen backlog and token rules (src/limits-config.ts). */
  limits: LimitsConfig;
  /** PLAYGROUND: the page at `/` for the demo user (on unless `off`; only with a demo user). */
  playground: boolean;
}

type Env = Record<string, string | undefined>;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function parseUrl(name: string, raw: string, protocols: string[]): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (${protocols.join(' or ')}), got something else`);
  }
  if (!protocols.includes(url.protocol.replace(':', ''))) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}://`).join(' or ')}`);
  }
  return url;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 8787;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function parseList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

function parseOrigins(raw: string | undefined): string[] {
  const origins = parseList(raw);
  if (origins.length === 0 || origins.includes('*')) return ['*'];
  for (const origin of origins) {
    const url = parseUrl('ALLOWED_ORIGINS', origin, ['http', 'https']);
    if (url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(
        `ALLOWED_ORIGINS entries must be bare origins like https://app.example.com, got "${origin}"`,
      );
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

function parseEmails(raw: string | undefined): string[] {
  const emails = parseList(raw).map((email) => email.toLowerCase());
  for (const email of emails) {
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      throw new ConfigError(`ADMIN_EMAILS must be a comma-separated list of emails, "${email}" is not one`);
    }
  }
  return emails;
}

function parseMetricsToken(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (raw.length < 16 || /\s/.test(raw)) {
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters, without spaces');
  }
  return raw;
}

function parsePlayground(raw: string | undefined): boolean {
  if (raw === undefined || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`PLAYGROUND must be on or off, got "${raw}"`);
}

/**
 * Reads and validates the settings. Throws a ConfigError (one line naming the variable, never a
 * secret's value) on the first wrong one.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Env = process.env): Config {
  const databaseUrl = value(env, 'DATABASE_URL') ?? null;
  if (databaseUrl) parseUrl('DATABASE_URL', databaseUrl, ['postgres', 'postgresql']);

  const port = parsePort(value(env, 'PORT'));
  const host = value(env, 'HOST') ?? '0.0.0.0';

  const publicUrlRaw = value(env, 'PUBLIC_URL');
  const publicUrl = publicUrlRaw
    ? parseUrl('PUBLIC_URL', publicUrlRaw, ['http', 'https']).toString().replace(/\/$/, '')
    : `http://localhost:${port}`;

  const jwtSecret = value(env, 'JWT_SECRET') ?? null;
  if (jwtSecret !== null && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  }
  const jwksUrl = value(env, 'JWKS_URL') ?? null;
  if (jwksUrl) parseUrl('JWKS_URL', jwksUrl, ['https', 'http']);

  const defaultPlan = (value(env, 'DEFAULT_PLAN') ?? 'starter') as PlanName;
  if (!PLANS.includes(defaultPlan)) {
    throw new ConfigError(`DEFAULT_PLAN must be one of ${PLANS.join(', ')}, got "${defaultPlan}"`);
  }

  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const bodyLimitRaw = value(env, 'BODY_LIMIT_BYTES');
  const bodyLimit = bodyLimitRaw === undefined ? 64 * 1024 : Number(bodyLimitRaw);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) {
    throw new ConfigError(`BODY_LIMIT_BYTES must be an integer of at least 1024, got "${bodyLimitRaw}"`);
  }

  return {
    databaseUrl,
    dataDir: resolve(value(env, 'DATA_DIR') ?? '.alfie'),
    port,
    host,
    publicUrl,
    jwtSecret,
    jwksUrl,
    adminEmails: parseEmails(value(env, 'ADMIN_EMAILS')),
    allowedOrigins: parseOrigins(value(env, 'ALLOWED_ORIGINS')),
    defaultPlan,
    logLevel,
    bodyLimit,
    replicateWebhookSecret: value(env, 'REPLICATE_WEBHOOK_SECRET') ?? null,
    metricsToken: parseMetricsToken(value(env, 'METRICS_TOKEN')),
    limits: loadLimits(env),
    playground: parsePlayground(value(env, 'PLAYGROUND')),
  };
}

/**
 * A complete config for tests and embedding, with overrides.
 *
 * @example
 * const config = defineConfig({ jwtSecret: 'x'.repeat(32), adminEmails: ['boss@example.com'] });
 */
export function defineConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}
