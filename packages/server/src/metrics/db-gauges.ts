import type { Queryable } from '../db/types.js';
import { READ_DB_STATS } from '../sql/metrics/read-db-stats.js';
import type { Metrics } from './metrics.js';

const OPEN_STATUSES = ['queued', 'running', 'waiting'] as const;
const RESOURCES = ['images', 'reels', 'woofs'] as const;
type QuotaKind = 'used' | 'reserved';

/** One plan's sums in READ_DB_STATS: `images_used`, `images_reserved`, … for every resource. */
type QuotaRow = { plan: string } & Record<`${(typeof RESOURCES)[number]}_${QuotaKind}`, number>;

interface DbStats {
  jobs: Record<string, number>;
  oldest_queued_seconds: number | null;
  past_lease: number;
  quota: QuotaRow[];
}

/**
 * Registers the gauges that describe the shared database (queue depth, oldest queued job, jobs
 * past their lease, quota by plan). They are cluster-wide: every API process reports the same
 * values, so dashboards aggregate them with `max without (instance)`, never `sum`.
 * All of them are filled from ONE query per scrape: the first gauge's collect() starts it and the
 * others await the same promise, whatever order prom-client collects them in.
 *
 * @example
 * registerDbGauges(metrics, db);
 * await metrics.render(); // one SELECT
 */
export function registerDbGauges(metrics: Metrics, db: Queryable): void {
  let pending: Promise<DbStats> | null = null;
  const read = (): Promise<DbStats> => {
    pending ??= db.query<DbStats>(READ_DB_STATS).then((result) => {
      const row = result.rows[0];
      if (!row) throw new Error('db stats query returned no row');
      return row;
    });
    // Released once every gauge of this scrape had a chance to join (same macrotask).
    const current = pending;
    setImmediate(() => {
      if (pending === current) pending = null;
    });
    return current;
  };

  metrics.gauge({
    name: 'alfie_db_jobs',
    help: 'Open jobs in job_queue by status (cluster-wide: aggregate with max, not sum).',
    labelNames: ['status'] as const,
    async collect() {
      const stats = await read();
      for (const status of OPEN_STATUSES) this.set({ status }, stats.jobs[status] ?? 0);
    },
  });
  metrics.gauge({
    name: 'alfie_db_oldest_queued_job_age_seconds',
    help: 'Age of the oldest queued job, 0 when none (cluster-wide).',
    async collect() {
      this.set((await read()).oldest_queued_seconds ?? 0);
    },
  });
  metrics.gauge({
    name: 'alfie_db_jobs_past_lease',
    help: 'Running or waiting jobs whose lease has expired: a worker died or hung (cluster-wide).',
    async collect() {
      this.set((await read()).past_lease);
    },
  });
  const quota = (kind: QuotaKind) =>
    metrics.gauge({
      name: `alfie_db_quota_${kind}`,
      help: `Quota ${kind} this month, by plan and resource (images, reels, woofs), summed over brands (cluster-wide).`,
      labelNames: ['plan', 'resource'] as const,
      async collect() {
        const rows = (await read()).quota;
        this.reset();
        for (const row of rows) {
          for (const resource of RESOURCES) {
            this.set({ plan: row.plan, resource }, Number(row[`${resource}_${kind}`] ?? 0));
          }
        }
      },
    });
  quota('used');
  quota('reserved');
}
