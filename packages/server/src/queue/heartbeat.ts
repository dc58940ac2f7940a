import type { Db } from '../db/types.js';
import { EXTEND_LEASES } from '../sql/queue/extend-leases.js';
import type { ClaimedJob, QueueLogger } from './types.js';

/** What the heartbeat needs to know of a job this process runs. */
export interface LeasedJob {
  job: ClaimedJob;
  /** Until when (performance.now()) the database surely holds this job's lease for us. */
  leaseUntil: number;
  /** The handler returned and its outcome is being written: the lease no longer matters. */
  settling: boolean;
}

export interface HeartbeatOptions {
  db: Db;
  workerId: string;
  leaseMs: number;
  log: QueueLogger;
  /** The jobs running now. */
  jobs: () => Iterable<LeasedJob>;
  /** Called once per job that must stop: its lease is lost or about to run out unrenewed. */
  onLost: (job: LeasedJob, why: string) => void;
}

/**
 * Keeps the leases of a worker's running jobs: every third of the lease, one statement renews
 * them all. A job the database no longer lists as ours (recovered after a stall) is reported lost
 * at once; when renewals fail (the database is away), a job is reported lost while a heartbeat
 * period of its lease is still left, so it stops before any other worker may take it.
 *
 * @example
 * const heartbeat = new LeaseHeartbeat({ db, workerId, leaseMs: 15_000, log, jobs, onLost: abort });
 * heartbeat.start(); // … heartbeat.stop() once the last job is done
 */
export class LeaseHeartbeat {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HeartbeatOptions) {}

  /** Three renewals fit in one lease, so one lost round trip costs nothing. */
  get periodMs(): number {
    return Math.max(250, Math.floor(this.options.leaseMs / 3));
  }

  start(): void {
    this.timer ??= setInterval(() => void this.beat(), this.periodMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async beat(): Promise<void> {
    const { db, workerId, leaseMs, log, onLost } = this.options;
    const jobs = [...this.options.jobs()].filter((j) => !j.settling);
    if (jobs.length === 0) return;
    const sentAt = performance.now();
    try {
      const { rows } = await db.query<{ id: string }>(EXTEND_LEASES, [
        workerId,
        jobs.map((j) => j.job.id),
        leaseMs,
      ]);
      const renewed = new Set(rows.map((r) => r.id));
      for (const job of jobs) {
        if (renewed.has(job.job.id)) job.leaseUntil = sentAt + leaseMs;
        else if (!job.settling) onLost(job, 'lease taken back');
      }
    } catch (error) {
      log.warn({ err: error, workerId }, 'lease renewal failed');
      const deadline = performance.now() + this.periodMs;
      for (const job of jobs) {
        if (job.leaseUntil <= deadline && !job.settling) onLost(job, 'lease not renewed');
      }
    }
  }
}
