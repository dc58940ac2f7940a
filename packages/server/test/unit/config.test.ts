import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/config-error.js';

describe('loadConfig', () => {
  it('has working defaults with no environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: null,
      port: 8787,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:8787',
      jwtSecret: null,
      adminEmails: [],
      allowedOrigins: ['*'],
      defaultPlan: 'starter',
      bodyLimit: 65536,
    });
    expect(config.dataDir).toMatch(/\.alfie$/);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/alfie',
      PORT: '9000',
      JWT_SECRET: 's'.repeat(32),
      ADMIN_EMAILS: 'Boss@Example.com, ops@example.com',
      ALLOWED_ORIGINS: 'https://a.test,https://b.test/',
      DATA_DIR: '/tmp/alfie-x',
      DEFAULT_PLAN: 'pro',
      PUBLIC_URL: 'https://api.example.com/',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/alfie',
      port: 9000,
      adminEmails: ['boss@example.com', 'ops@example.com'],
      allowedOrigins: ['https://a.test', 'https://b.test'],
      dataDir: '/tmp/alfie-x',
      defaultPlan: 'pro',
      publicUrl: 'https://api.example.com',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET/],
    [{ ADMIN_EMAILS: 'boss' }, /ADMIN_EMAILS/],
    [{ ALLOWED_ORIGINS: 'https://a.test/path' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'ftp://a.test' }, /ALLOWED_ORIGINS/],
    [{ DEFAULT_PLAN: 'gold' }, /DEFAULT_PLAN/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PUBLIC_URL: 'localhost' }, /PUBLIC_URL/],
  ])('refuses %j with a one-line ConfigError naming the variable', (env, pattern) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never echoes a secret in its errors', () => {
    expect(() => loadConfig({ JWT_SECRET: 'tiny-secret' })).toThrow(/^(?!.*tiny-secret).*$/);
  });
});
