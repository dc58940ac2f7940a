import type { ClientRateLimitInfo, Store } from 'hono-rate-limiter';
import type { Queryable } from '../db/types.js';
import { HIT_RATE_LIMIT } from '../sql/rate-limits/hit-rate-limit.js';
import { PRUNE_RATE_LIMITS } from '../sql/rate-limits/prune-rate-limits.js';
import { READ_RATE_LIMIT } from '../sql/rate-limits/read-rate-limit.js';
import { RESET_RATE_LIMIT } from '../sql/rate-limits/reset-rate-limit.js';
import { UNHIT_RATE_LIMIT } from '../sql/rate-limits/unhit-rate-limit.js';

const PRUNE_EVERY = 10_000;

/** The most requests one hit takes ahead (see HIT_RATE_LIMIT): ~15 round trips for 600 a minute. */
export const MAX_LEASE = 64;

interface Waiter {
  resolve(info: ClientRateLimitInfo): void;
  reject(error: unknown): void;
}

interface CountRow {
  hits: number;
  reset_at: Date;
}

/** Requests this process counted in PostgreSQL ahead of time, and admits without a round trip. */
interface Lease {
  /** The caller's total in PostgreSQL once the lease was taken: the lease's last request's total. */
  total: number;
  left: number;
  resetTime: Date;
}

export interface RateLimitStoreOptions {
  /**
   * The caller's limit, by key: with it, a hit takes requests ahead while far from the limit
   * (leases). Without it every hit is one statement and reads stay exact, as the failed-auth
   * count needs, since it is read before it is counted.
   */
  limitOf?: (key: string) => number;
}

/**
 * hono-rate-limiter's store, kept in the `rate_limits` table: PostgreSQL is the one service every
 * API process shares, so N processes count together instead of granting N times the limit.
 * Hits of a busy key are batched into one upsert, and a hit far from the limit takes a lease of
 * requests ahead, so a caller costs a statement per few dozen requests rather than per request
 * (`pnpm bench:limits`). Leases never let processes exceed the limit together; requests a process
 * leased and did not use stay counted until the window ends. `limitName` names the limit, so
 * limits never share a count.
 *
 * @example
 * const store = new PostgresRateLimitStore(db, 'user', 60, { limitOf: () => 600 });
 * const { totalHits, resetTime } = await store.increment('3f0c…');
 */
export class PostgresRateLimitStore implements Store {
  private readonly waiting = new Map<string, Waiter[]>();
  private readonly sending = new Set<string>();
  private readonly leases = new Map<string, Lease>();
  private sent = 0;

  constructor(
    private readonly db: Queryable,
    private readonly limitName: string,
    private readonly windowSeconds: number,
    private readonly options: RateLimitStoreOptions = {},
  ) {}

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const { rows } = await this.db.query<CountRow>(READ_RATE_LIMIT, [this.key(key), this.windowSeconds], {
      name: 'alfie_read_rate_limit',
    });
    const row = rows[0];
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  /**
   * A hit is admitted from this process's lease when one is open; otherwise it waits for the
   * key's next upsert. Hits of one key that arrive while its previous upsert is in flight are sent
   * together as one upsert adding their number; each gets its own total (the batch's totals are
   * consecutive), so the count stays exact.
   */
  increment(key: string): Promise<ClientRateLimitInfo> {
    const fullKey = this.key(key);
    const leased = this.fromLease(fullKey);
    if (leased) return Promise.resolve(leased);
    return new Promise((resolve, reject) => {
      const waiting = this.waiting.get(fullKey) ?? [];
      waiting.push({ resolve, reject });
      this.waiting.set(fullKey, waiting);
      if (!this.sending.has(fullKey)) void this.send(fullKey, key);
    });
  }

  private fromLease(fullKey: string): ClientRateLimitInfo | undefined {
    const lease = this.leases.get(fullKey);
    if (!lease) return undefined;
    if (lease.left === 0 || lease.resetTime.getTime() <= Date.now()) {
      this.leases.delete(fullKey);
      return undefined;
    }
    lease.left -= 1;
    return { totalHits: lease.total - lease.left, resetTime: lease.resetTime };
  }

  private async send(fullKey: string, key: string): Promise<void> {
    const batch = this.waiting.get(fullKey);
    if (!batch) return;
    this.waiting.delete(fullKey);
    this.sending.add(fullKey);
    // Old callers' rows are swept now and then by whichever process is counting: no timer needed.
    if (++this.sent % PRUNE_EVERY === 0) {
      this.db.query(PRUNE_RATE_LIMITS, [this.windowSeconds]).catch(() => {});
    }
    const limit = this.options.limitOf?.(key) ?? 0;
    try {
      const { rows } = await this.db.query<CountRow & { taken: number }>(
        HIT_RATE_LIMIT,
        [fullKey, this.windowSeconds, batch.length, limit, limit > 0 ? MAX_LEASE : 0],
        { name: 'alfie_hit_rate_limit' },
      );
      const { hits, taken, reset_at: resetTime } = rows[0]!;
      const first = hits - taken + 1;
      for (const [i, hit] of batch.entries()) hit.resolve({ totalHits: first + i, resetTime });
      const left = taken - batch.length;
      if (left > 0) this.leases.set(fullKey, { total: hits, left, resetTime });
    } catch (error) {
      for (const hit of batch) hit.reject(error);
    } finally {
      this.sending.delete(fullKey);
      this.serveWaiting(fullKey, key);
    }
  }

  /** Hits that queued behind the upsert: first from the lease it brought, the rest in the next one. */
  private serveWaiting(fullKey: string, key: string): void {
    const waiting = this.waiting.get(fullKey);
    if (!waiting) return;
    while (waiting.length > 0) {
      const leased = this.fromLease(fullKey);
      if (!leased) break;
      waiting.shift()!.resolve(leased);
    }
    if (waiting.length === 0) this.waiting.delete(fullKey);
    else void this.send(fullKey, key);
  }

  async decrement(key: string): Promise<void> {
    await this.db.query(UNHIT_RATE_LIMIT, [this.key(key)]);
  }

  async resetKey(key: string): Promise<void> {
    this.leases.delete(this.key(key));
    await this.db.query(RESET_RATE_LIMIT, [this.key(key)]);
  }

  private key(key: string): string {
    return `${this.limitName}:${key}`;
  }
}
