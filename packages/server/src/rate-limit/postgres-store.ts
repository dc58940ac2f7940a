import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Queryable } from '../db/types.js';
import { HIT_RATE_LIMIT } from '../sql/rate-limits/hit-rate-limit.js';
import { READ_RATE_LIMIT } from '../sql/rate-limits/read-rate-limit.js';
import { RESET_RATE_LIMIT } from '../sql/rate-limits/reset-rate-limit.js';
import { UNHIT_RATE_LIMIT } from '../sql/rate-limits/unhit-rate-limit.js';

interface CountRow {
  hits: number;
  reset_at: Date;
}

/**
 * hono-rate-limiter's store, kept in the `rate_limits` table: PostgreSQL is the one service every
 * API process shares, so N processes count together instead of granting N times the limit. Each
 * hit is one upsert statement. `limitName` names the limit, so limits never share a count.
 *
 * @example
 * const store = new PostgresRateLimitStore(db, 'user', 60);
 * const { totalHits, resetTime } = await store.increment('3f0c…');
 */
export class PostgresRateLimitStore implements Store {
  constructor(
    private readonly db: Queryable,
    private readonly limitName: string,
    private readonly windowSeconds: number,
  ) {}

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.db.query<CountRow>(READ_RATE_LIMIT, [this.key(key), this.windowSeconds], {
      name: 'alfie_read_rate_limit',
    });
    const row = rows[0];
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { rows } = await this.db.query<CountRow>(HIT_RATE_LIMIT, [this.key(key), this.windowSeconds], {
      name: 'alfie_hit_rate_limit',
    });
    return { totalHits: rows[0]!.hits, resetTime: rows[0]!.reset_at };
  }

  async decrement(key: string): Promise<void> {
    await this.db.query(UNHIT_RATE_LIMIT, [this.key(key)]);
  }

  async resetKey(key: string): Promise<void> {
    await this.db.query(RESET_RATE_LIMIT, [this.key(key)]);
  }

  private key(key: string): string {
    return `${this.limitName}:${key}`;
  }
}
