import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config-error.js';
import { loadLimits } from '../../src/limits-config.js';

describe('loadLimits', () => {
  it('has defaults that hold against abuse', () => {
    expect(loadLimits({})).toEqual({
      maxBrandsPerUser: 1,
      rateLimits: {
        windowSeconds: 60,
        user: 600,
        apiKey: 6000,
        ip: 300,
        authFailures: 20,
        tokens: 1200,
        adminLogin: 10,
      },
      trustProxy: false,
      listenBacklog: 4096,
      tokens: { audiences: ['authenticated'], maxLifetimeSeconds: 86400, clockSkewSeconds: 30 },
    });
  });

  it('reads every setting, and RATE_LIMITS=off switches the rate limits off', () => {
    const limits = loadLimits({
      MAX_BRANDS_PER_USER: '5',
      RATE_LIMIT_USER: '0',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      TRUST_PROXY: 'on',
      LISTEN_BACKLOG: '1024',
      JWT_AUDIENCE: 'a, b',
      JWT_MAX_LIFETIME_SECONDS: '600',
      JWT_CLOCK_SKEW_SECONDS: '5',
    });
    expect(limits).toMatchObject({
      maxBrandsPerUser: 5,
      rateLimits: { user: 0, windowSeconds: 10 },
      trustProxy: true,
      listenBacklog: 1024,
      tokens: { audiences: ['a', 'b'], maxLifetimeSeconds: 600, clockSkewSeconds: 5 },
    });
    expect(loadLimits({ RATE_LIMITS: 'off' }).rateLimits).toBeNull();
  });

  it('refuses wrong values with one line naming the variable', () => {
    for (const [name, value] of [
      ['MAX_BRANDS_PER_USER', '-1'],
      ['RATE_LIMIT_USER', 'lots'],
      ['RATE_LIMIT_WINDOW_SECONDS', '0'],
      ['RATE_LIMITS', 'maybe'],
      ['LISTEN_BACKLOG', '0'],
      ['JWT_MAX_LIFETIME_SECONDS', '10'],
      ['JWT_CLOCK_SKEW_SECONDS', '9999'],
      ['JWT_AUDIENCE', ' , '],
    ] as const) {
      expect(() => loadLimits({ [name]: value }), name).toThrow(ConfigError);
      expect(() => loadLimits({ [name]: value }), name).toThrow(name);
    }
  });
});
