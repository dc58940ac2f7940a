/**
 * A real app over a fresh test database, plus helpers to make users, brands and tokens.
 *
 * Usage:
 *   import { createTestApp, type TestApp } from '@alfie/test-kit/app';
 *
 *   let t: TestApp;
 *   beforeEach(async () => { t = await createTestApp('postgres'); });
 *   afterEach(() => t.drop());
 *   it('lists my orders', async () => {
 *     const alice = await t.createUser();                 // { userId, email, token, headers }
 *     const brand = await t.createBrand(alice.userId);    // a brands row (snake_case)
 *     const res = await t.request('/v1/orders', { headers: alice.headers });
 *   });
 *
 * `t.request(path, init)` is `app.request` with JSON helpers: pass `json: {...}` to send a body.
 */
import { randomUUID } from 'node:crypto';
import {
  type AppDeps,
  type Config,
  createApiKey,
  createApp,
  createLogger,
  type DbKind,
  defineConfig,
  signUserToken,
} from '@alfie/server';
import { createTestDb, type TestDb } from './db.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface TestUser {
  userId: string;
  email: string;
  token: string;
  headers: Record<string, string>;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: TestDb;
  deps: AppDeps;
  config: Config;
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  createUser(options?: { email?: string; brandIds?: string[] }): Promise<TestUser>;
  createBrand(userId: string, options?: { name?: string; plan?: string }): Promise<Record<string, unknown>>;
  /** A secret API key and its Authorization header. */
  createApiKey(): Promise<{ key: string; headers: Record<string, string> }>;
  drop(): Promise<void>;
}

export async function createTestApp(
  kind: DbKind = 'postgres',
  overrides: Partial<Config> = {},
): Promise<TestApp> {
  const db = await createTestDb(kind);
  const config = defineConfig({ jwtSecret: TEST_JWT_SECRET, publicUrl: 'http://alfie.test', ...overrides });
  const deps: AppDeps = { db, config, logger: createLogger({ level: 'silent' }) };
  const app = createApp(deps);

  return {
    app,
    db,
    deps,
    config,
    request(path, init = {}) {
      const { json, ...rest } = init;
      if (json === undefined) return Promise.resolve(app.request(path, rest));
      const headers = new Headers(rest.headers);
      headers.set('content-type', 'application/json');
      return Promise.resolve(
        app.request(path, { method: 'POST', ...rest, headers, body: JSON.stringify(json) }),
      );
    },
    async createUser(options = {}) {
      const userId = randomUUID();
      const email = options.email ?? `${userId.slice(0, 8)}@example.com`;
      await db.query('insert into profiles (id, email) values ($1, $2)', [userId, email]);
      const { token } = await signUserToken(TEST_JWT_SECRET, { userId, email, brandIds: options.brandIds });
      return { userId, email, token, headers: { authorization: `Bearer ${token}` } };
    },
    async createBrand(userId, options = {}) {
      const { rows } = await db.query(
        'insert into brands (user_id, name, plan) values ($1, $2, $3) returning *',
        [userId, options.name ?? 'Test brand', options.plan ?? 'starter'],
      );
      return rows[0]!;
    },
    async createApiKey() {
      const { key } = await createApiKey(db, 'test');
      return { key, headers: { authorization: `Bearer ${key}` } };
    },
    drop: () => db.drop(),
  };
}
