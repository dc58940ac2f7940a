import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/types.js';
import { CANCEL_JOB } from '../sql/queue/cancel-job.js';
import { CANCELED_ORDERS } from '../sql/queue/canceled-orders.js';
import { CLAIM_JOBS } from '../sql/queue/claim-jobs.js';
import { EXTEND_LEASES } from '../sql/queue/extend-leases.js';
import { NEXT_RUN_AFTER } from '../sql/queue/next-run-after.js';
import { RELEASE_JOB } from '../sql/queue/release-job.js';
import { ClaimAhead } from './claim-ahead.js';
import { CompletionBatcher } from './completion-batcher.js';
import { applyOutcome } from './outcome.js';
import { parkJob, wakeDueWaitingJobs } from './park.js';
import type { AbortReason, ClaimedJob, ParkingJobHandler, QueueLogger, RunOutcome } from './types.js';
import { silentLogger } from './types.js';

export interface RunnerOptions {
  db: Db;
  handlers: Partial<Record<string, ParkingJobHandler>>;
  /** Unique per process; written to job_queue.locked_by. Default host-pid-random. */
  workerId?: string;
  /** Jobs run at once by this process. Default 10. */
  concurrency?: number;
  /**
   * Most jobs claimed beyond the free slots when the queue is deep (see ClaimAhead): one claim round
   * trip then feeds many short jobs. 0 claims free slots only. Default 1,000.
   */
  claimAheadMax?: number;
  /** Claimed-ahead jobs are what this worker finishes in this many ms at its pace. Default 100. */
  claimAheadMs?: number;
  /** Fallback poll when no NOTIFY arrives (a lost connection, a job made due by time). Default 2 s. */
  pollIntervalMs?: number;
  /** Lease of a claimed job; renewed every third of it while the job runs. Default 10 min. */
  leaseMs?: number;
  /** Retry backoff base: run_after = now + 2^attempts × base. Default 60 s. */
  backoffBaseMs?: number;
  /** How often running jobs' orders are checked for cancellation. Default 500 ms. */
  cancelCheckMs?: number;
  /**
   * Runs with each fallback poll, after due parked jobs were woken (e.g. the worker cancels, at the
   * provider, the renders of orders canceled while parked).
   */
  onPoll?: () => Promise<void>;
  /** Periodic maintenance (stuck jobs), every cleanupIntervalMs. */
  cleanup?: () => Promise<void>;
  cleanupIntervalMs?: number;
  /** On stop, how long in-flight jobs may run before they are aborted and released. Default 25 s. */
  shutdownGraceMs?: number;
  logger?: QueueLogger;
}

interface Running {
  job: ClaimedJob;
  controller: AbortController;
  reason: AbortReason | null;
  done: Promise<void>;
}

/** Highest priority first (brands on higher plans), then oldest: the claim's own order. */
function claimOrder(a: ClaimedJob, b: ClaimedJob): number {
  return (
    b.priority - a.priority ||
    new Date(a.created_at).getTime() - new Date(b.created_at).getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function defaultWorkerId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/**
 * The queue loop of one process: claims due jobs in batches, runs them with bounded concurrency,
 * and writes their outcome. Wake-ups come from NOTIFY on `alfie_jobs` (an idle worker starts a job
 * within milliseconds), a timer for the next `run_after`, and a slow poll as a fallback.
 *
 * @example
 * const runner = new QueueRunner({ db, handlers: { render_images: handle } });
 * await runner.start();
 * process.on('SIGTERM', () => runner.stop());
 */
export class QueueRunner {
  readonly workerId: string;
  private readonly db: Db;
  private readonly options: Required<
    Omit<RunnerOptions, 'cleanup' | 'onPoll' | 'workerId' | 'db' | 'handlers'>
  >;
  private readonly onPoll: (() => Promise<void>) | undefined;
  private polling = false;
  private readonly handlers: RunnerOptions['handlers'];
  private readonly cleanup: (() => Promise<void>) | undefined;
  private readonly log: QueueLogger;
  private readonly running = new Map<string, Running>();
  /** Claimed ahead of a free slot, in claim order (priority, then age); started as slots free up. */
  private readonly ready: ClaimedJob[] = [];
  private readonly ahead: ClaimAhead;
  private readonly completions: CompletionBatcher;
  private readonly timers: NodeJS.Timeout[] = [];
  private nextDueTimer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private claiming = false;
  private wakeScheduled = false;
  /** The claim round in flight, if any: stop() waits for it so no job it claims goes unwatched. */
  private claimRun: Promise<void> = Promise.resolve();
  private wakeRequested = false;
  /** True when the queue may hold due jobs we could not take (last claim full, NOTIFY while busy). */
  private maybeMore = true;
  private stopping = false;
  private stopped: Promise<void> | null = null;

  constructor(options: RunnerOptions) {
    this.db = options.db;
    this.handlers = options.handlers;
    this.cleanup = options.cleanup;
    this.onPoll = options.onPoll;
    this.workerId = options.workerId ?? defaultWorkerId();
    this.options = {
      concurrency: options.concurrency ?? 10,
      claimAheadMax: options.claimAheadMax ?? 1_000,
      claimAheadMs: options.claimAheadMs ?? 100,
      pollIntervalMs: options.pollIntervalMs ?? 2_000,
      leaseMs: options.leaseMs ?? 10 * 60_000,
      backoffBaseMs: options.backoffBaseMs ?? 60_000,
      cancelCheckMs: options.cancelCheckMs ?? 500,
      cleanupIntervalMs: options.cleanupIntervalMs ?? 60_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 25_000,
      logger: options.logger ?? silentLogger,
    };
    this.log = this.options.logger;
    this.ahead = new ClaimAhead(this.options.claimAheadMax, this.options.claimAheadMs);
    this.completions = new CompletionBatcher(this.db, this.workerId, (error) =>
      this.log.error({ err: error, workerId: this.workerId }, 'job completion write failed'),
    );
  }

  /** Jobs this process is running now. */
  get inFlight(): number {
    return this.running.size;
  }

  /** Jobs claimed beyond the free slots, waiting here for a slot. */
  get claimedAhead(): number {
    return this.ready.length;
  }

  async start(): Promise<void> {
    this.unlisten = await this.db.listen('alfie_jobs', () => this.wake(), { onReconnect: () => this.wake() });
    const every = (ms: number, fn: () => void) => {
      const timer = setInterval(fn, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.pollIntervalMs, () => {
      this.maybeMore = true;
      this.wake();
      void this.pollParked();
    });
    every(Math.max(1_000, Math.floor(this.options.leaseMs / 3)), () => void this.extendLeases());
    every(this.options.cancelCheckMs, () => void this.checkCanceled());
    if (this.cleanup) {
      every(this.options.cleanupIntervalMs, () => void this.runCleanup());
      await this.runCleanup();
    }
    this.log.info({ workerId: this.workerId, concurrency: this.options.concurrency }, 'worker started');
    this.wake();
  }

  /**
   * Asks for a claim round. Wake-ups of one tick (a burst of NOTIFYs, ten jobs finishing together)
   * coalesce into one claim of every free slot, on the next turn of the event loop.
   */
  wake(): void {
    if (this.stopping) return;
    if (this.running.size >= this.options.concurrency && !this.wantsRefill()) {
      this.maybeMore = true;
      return;
    }
    if (this.claiming) {
      this.wakeRequested = true;
      return;
    }
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      if (!this.claiming && !this.stopping) this.claimRun = this.claimLoop();
      else this.wakeRequested = true;
    });
  }

  private async claimLoop(): Promise<void> {
    this.claiming = true;
    try {
      do {
        this.wakeRequested = false;
        this.startReady();
        if (this.stopping) break;
        const free = this.options.concurrency - this.running.size;
        // Claim ahead only while the queue is deep (the last claim came back full): an idle worker
        // claims what it can start, and a lone new job is never held back behind a batch.
        const extra = this.maybeMore ? this.ahead.size() : 0;
        const want = free + extra - this.ready.length;
        if (want <= 0 || (free <= 0 && !this.wantsRefill())) break;
        const { rows } = await this.db.query<ClaimedJob>(CLAIM_JOBS, [
          this.workerId,
          want,
          this.options.leaseMs,
        ]);
        // UPDATE ... RETURNING gives no order: a batch runs in the claim's (priority, then age).
        this.ready.push(...rows.sort(claimOrder));
        this.startReady();
        this.maybeMore = rows.length === want;
        if (this.maybeMore) this.wakeRequested = true;
        else if (rows.length === 0 && !this.wakeRequested) await this.scheduleNextDue();
      } while (this.wakeRequested && !this.stopping);
    } catch (error) {
      this.log.error({ err: error, workerId: this.workerId }, 'job claim failed');
    } finally {
      this.claiming = false;
    }
  }

  /** Starts claimed-ahead jobs in claim order while slots are free. */
  private startReady(): void {
    while (this.ready.length > 0 && this.running.size < this.options.concurrency && !this.stopping) {
      this.run(this.ready.shift()!);
    }
  }

  /**
   * The claimed-ahead jobs run low while the queue is deep: the next claim overlaps the jobs still
   * held, so slots never wait for a round trip.
   */
  private wantsRefill(): boolean {
    const extra = this.ahead.size();
    return this.maybeMore && extra > 0 && this.ready.length <= extra / 2;
  }

  /** One timer for the next job made due by time (backoff), sooner than the fallback poll. */
  private async scheduleNextDue(): Promise<void> {
    const { rows } = await this.db.query<{ delay_ms: number | string | null }>(NEXT_RUN_AFTER);
    const delay = rows[0]?.delay_ms;
    if (delay === null || delay === undefined) return;
    const ms = Math.max(0, Math.ceil(Number(delay)));
    if (ms >= this.options.pollIntervalMs) return;
    if (this.nextDueTimer) clearTimeout(this.nextDueTimer);
    this.nextDueTimer = setTimeout(() => {
      this.nextDueTimer = null;
      this.wake();
    }, ms + 1);
    this.nextDueTimer.unref();
  }

  private run(job: ClaimedJob): void {
    const controller = new AbortController();
    const entry: Running = { job, controller, reason: null, done: Promise.resolve() };
    this.running.set(job.id, entry);
    entry.done = this.execute(entry).finally(() => {
      this.running.delete(job.id);
      this.ahead.finished();
      this.startReady();
      if (this.maybeMore) this.wake();
    });
  }

  private async execute(entry: Running): Promise<void> {
    const { job } = entry;
    const started = performance.now();
    // Every line about this job carries the ids an operator greps for, from the creating request on.
    const requestId = (job.payload as { requestId?: unknown } | null)?.requestId;
    const log =
      this.log.child?.({
        reqId: typeof requestId === 'string' ? requestId : undefined,
        orderId: job.order_id,
        jobId: job.id,
        attempt: job.attempts,
      }) ?? this.log;
    const handler = this.handlers[job.type];
    let outcome: RunOutcome;
    try {
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      outcome = await handler(job, {
        db: this.db,
        workerId: this.workerId,
        signal: entry.controller.signal,
        abortReason: () => entry.reason,
        logger: log,
      });
    } catch (error) {
      outcome = { status: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
    // A parked job stays parked on shutdown: its render runs at the provider whoever waits for it.
    const settled = ['completed', 'failed', 'parked'].includes(outcome.status);
    if (entry.reason === 'shutdown' && !settled) {
      outcome = { status: 'released' };
    }
    try {
      // A completion is not awaited: its slot takes the next job while the batcher writes it
      // (claim and completion round trips overlap). stop() drains the batcher before exiting.
      if (outcome.status === 'completed') this.completions.complete(job).catch(() => {});
      else await this.write(job, outcome, log);
    } catch (error) {
      log.error({ err: error, jobId: job.id }, 'job outcome write failed');
    }
    // The seed's "[alfie-job-worker] Job ${id} processing time: ${duration}ms", as fields.
    log.info(
      {
        event: 'job_processed',
        jobId: job.id,
        orderId: job.order_id,
        type: job.type,
        attempts: job.attempts,
        outcome: outcome.status,
        durationMs: Math.round(performance.now() - started),
      },
      'job processing time',
    );
  }

  private async write(
    job: ClaimedJob,
    outcome: Exclude<RunOutcome, { status: 'completed' }>,
    log: QueueLogger = this.log,
  ): Promise<void> {
    if (outcome.status === 'parked') {
      await parkJob(this.db, job, outcome, this.options.leaseMs, log);
    } else if (outcome.status === 'released') {
      await this.db.query(RELEASE_JOB, [job.id, job.attempts, this.workerId]);
    } else if (outcome.status === 'canceled') {
      await this.db.query(CANCEL_JOB, [job.id, job.attempts, this.workerId]);
    } else {
      await applyOutcome(this.db, job, outcome, this.workerId, this.options.backoffBaseMs, log);
    }
  }

  /**
   * The scheduled poll of parked jobs: due `waiting` jobs are requeued (their NOTIFY wakes every
   * worker), then the onPoll hook runs. One round at a time; a failure is logged and retried at the
   * next poll.
   */
  private async pollParked(): Promise<void> {
    if (this.polling || this.stopping) return;
    this.polling = true;
    try {
      await wakeDueWaitingJobs(this.db);
      await this.onPoll?.();
    } catch (error) {
      this.log.warn({ err: error, workerId: this.workerId }, 'parked jobs poll failed');
    } finally {
      this.polling = false;
    }
  }

  private async extendLeases(): Promise<void> {
    if (this.running.size === 0 && this.ready.length === 0) return;
    try {
      const held = [...this.running.keys(), ...this.ready.map((job) => job.id)];
      await this.db.query(EXTEND_LEASES, [this.workerId, held, this.options.leaseMs]);
    } catch (error) {
      this.log.warn({ err: error }, 'lease renewal failed');
    }
  }

  /** A canceled order aborts its running job, so engines stop at once instead of finishing. */
  private async checkCanceled(): Promise<void> {
    const orderIds = [...this.running.values()].map((r) => r.job.order_id).filter((id): id is string => !!id);
    if (orderIds.length === 0) return;
    try {
      const { rows } = await this.db.query<{ id: string }>(CANCELED_ORDERS, [orderIds]);
      const canceled = new Set(rows.map((r) => r.id));
      for (const entry of this.running.values()) {
        if (entry.job.order_id && canceled.has(entry.job.order_id) && !entry.reason) {
          entry.reason = 'canceled';
          entry.controller.abort('canceled');
        }
      }
    } catch (error) {
      this.log.warn({ err: error }, 'cancel check failed');
    }
  }

  /** On stop, jobs claimed ahead and never started go back to the queue, their attempt given back. */
  private async releaseReady(): Promise<void> {
    const left = this.ready.splice(0);
    await Promise.all(
      left.map((job) =>
        this.db
          .query(RELEASE_JOB, [job.id, job.attempts, this.workerId])
          .catch((error) => this.log.error({ err: error, jobId: job.id }, 'job release failed')),
      ),
    );
  }

  private async runCleanup(): Promise<void> {
    try {
      await this.cleanup?.();
    } catch (error) {
      this.log.error({ err: error }, 'stuck job cleanup failed');
    }
  }

  /**
   * Graceful stop: no new claims; in-flight jobs get `shutdownGraceMs` to finish, then are aborted
   * and released to the queue (their attempt given back) for another worker.
   */
  stop(): Promise<void> {
    this.stopped ??= this.doStop();
    return this.stopped;
  }

  private async doStop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.nextDueTimer) clearTimeout(this.nextDueTimer);
    await this.unlisten?.().catch(() => {});
    await this.claimRun;
    await this.releaseReady();
    const all = () => Promise.all([...this.running.values()].map((r) => r.done));
    let graceTimer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      graceTimer = setTimeout(() => resolve('timeout'), this.options.shutdownGraceMs);
    });
    if ((await Promise.race([all(), grace])) === 'timeout') {
      for (const entry of this.running.values()) {
        entry.reason = 'shutdown';
        entry.controller.abort('shutdown');
      }
      await all();
    }
    clearTimeout(graceTimer);
    await this.completions.drain();
    this.log.info({ workerId: this.workerId }, 'worker stopped');
  }
}
