import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Queryable } from '../db/types.js';
import { HIT_RATE_LIMIT } from '../sql/rate-limits/hit-rate-limit.js';
import { PRUNE_RATE_LIMITS } from '../sql/rate-limits/prune-rate-limits.js';
import { READ_RATE_LIMIT } from '../sql/rate-limits/read-rate-limit.js';
import { RESET_RATE_LIMIT } from '../sql/rate-limits/reset-rate-limit.js';
import { UNHIT_RATE_LIMIT } from '../sql/rate-limits/unhit-rate-limit.js';

const PRUNE_EVERY = 10_000;

interface Waiter {
  resolve(info: ClientRateLimitInfo): void;
  reject(error: unknown): void;
}

interface CountRow {
  hits: number;
  reset_at: Date;
}

/**
 * hono-rate-limiter's store, kept in the `rate_limits` table: PostgreSQL is the one service every
 * API process shares, so N processes count together instead of granting N times the limit. Each
 * hit is one upsert statement (hits of a busy key are batched into one). `limitName` names the limit, so limits never share a count.
 *
 * @example
 * const store = new PostgresRateLimitStore(db, 'user', 60);
 * const { totalHits, resetTime } = await store.increment('3f0c…');
 */
export class PostgresRateLimitStore implements Store {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly sending = new Set<string>();
  private sent = 0;

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

  /**
   * Hits of one key that arrive while its previous upsert is in flight are sent together as one
   * upsert adding their number; each gets its own total (the batch's totals are consecutive), so
   * the count stays exact while a busy key costs one statement per round trip, not per request.
   */
  increment(key: string): Promise<ClientRateLimitInfo> {
    const fullKey = this.key(key);
    return new Promise((resolve, reject) => {
      const waiting = this.waiting.get(fullKey) ?? [];
      waiting.push({ resolve, reject });
      this.waiting.set(fullKey, waiting);
      if (!this.sending.has(fullKey)) void this.send(fullKey);
    });
  }

  private async send(fullKey: string): Promise<void> {
    const batch = this.waiting.get(fullKey);
    if (!batch) return;
    this.waiting.delete(fullKey);
    this.sending.add(fullKey);
    // Old callers' rows are swept now and then by whichever process is counting: no timer needed.
    if (++this.sent % PRUNE_EVERY === 0) {
      this.db.query(PRUNE_RATE_LIMITS, [this.windowSeconds]).catch(() => {});
    }
    try {
      const { rows } = await this.db.query<CountRow>(
        HIT_RATE_LIMIT,
        [fullKey, this.windowSeconds, batch.length],
        { name: 'alfie_hit_rate_limit' },
      );
      const first = rows[0]!.hits - batch.length + 1;
      for (const [i, hit] of batch.entries()) {
        hit.resolve({ totalHits: first + i, resetTime: rows[0]!.reset_at });
      }
    } catch (error) {
      for (const hit of batch) hit.reject(error);
    } finally {
      this.sending.delete(fullKey);
      if (this.waiting.has(fullKey)) void this.send(fullKey);
    }
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
