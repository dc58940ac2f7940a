import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { isDatabaseUnavailable } from '../db/faults.js';
import type { Db } from '../db/types.js';
import { CANCEL_JOB } from '../sql/queue/cancel-job.js';
import { CANCELED_ORDERS } from '../sql/queue/canceled-orders.js';
import { CLAIM_JOBS } from '../sql/queue/claim-jobs.js';
import { NEXT_RUN_AFTER } from '../sql/queue/next-run-after.js';
import { RELEASE_JOB } from '../sql/queue/release-job.js';
import { ClaimAhead } from './claim-ahead.js';
import { ClaimPause } from './claim-pause.js';
import { CompletionBatcher } from './completion-batcher.js';
import { type LeasedJob, LeaseHeartbeat } from './heartbeat.js';
import { JobAbort } from './job-abort.js';
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
  /** Claimed-ahead jobs are what this worker's slots finish in this many ms. Default 100. */
  claimAheadMs?: number;
  /** Fallback poll when no NOTIFY arrives (a lost connection, a job made due by time). Default 2 s. */
  pollIntervalMs?: number;
  /**
   * Lease of a running job, renewed by a heartbeat every third of it while the worker lives, so a
   * dead worker's job is claimed again soon after. Default 15 s.
   */
  leaseMs?: number;
  /**
   * Lease of a job parked on a provider's render: long enough for the render's next poll (each
   * poll parks it again with a fresh lease). Default 10 min.
   */
  parkLeaseMs?: number;
  /** Retry backoff base: run_after = now + 2^attempts × base. Default 60 s. */
  backoffBaseMs?: number;
  /** How often running jobs' orders are checked for cancellation. Default 500 ms. */
  cancelCheckMs?: number;
  /**
   * Runs with each fallback poll, after due parked jobs were woken (e.g. the worker cancels, at the
   * provider, the renders of orders canceled while parked).
   */
  onPoll?: () => Promise<void>;
  /** Periodic maintenance (stuck jobs), every cleanupIntervalMs (default 5 s). */
  cleanup?: () => Promise<void>;
  cleanupIntervalMs?: number;
  /** On stop, how long in-flight jobs may run before they are aborted and released. Default 25 s. */
  shutdownGraceMs?: number;
  logger?: QueueLogger;
}

interface Running extends LeasedJob {
  abort: JobAbort;
  reason: AbortReason | null;
  done: Promise<void>;
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
  private readonly ready: LeasedJob[] = [];
  private readonly ahead: ClaimAhead;
  private readonly completions: CompletionBatcher;
  private readonly timers: NodeJS.Timeout[] = [];
  private nextDueTimer: NodeJS.Timeout | null = null;
  /** Kept apart from `timers`: leases are renewed until the last job is done, shutdown included. */
  private readonly heartbeat: LeaseHeartbeat;
  private unlisten: (() => Promise<void>) | null = null;
  private claiming = false;
  private wakeScheduled = false;
  private startScheduled = false;
  /** The claim round in flight, if any: stop() waits for it so no job it claims goes unwatched. */
  private claimRun: Promise<void> = Promise.resolve();
  private wakeRequested = false;
  /** True when the queue may hold due jobs we could not take (last claim full, NOTIFY while busy). */
  private maybeMore = true;
  private stopping = false;
  private stopped: Promise<void> | null = null;
  /** Claims are paused while the database is unreachable. */
  private readonly pause: ClaimPause;

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
      leaseMs: options.leaseMs ?? 15_000,
      parkLeaseMs: options.parkLeaseMs ?? 10 * 60_000,
      backoffBaseMs: options.backoffBaseMs ?? 60_000,
      cancelCheckMs: options.cancelCheckMs ?? 500,
      cleanupIntervalMs: options.cleanupIntervalMs ?? 5_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 25_000,
      logger: options.logger ?? silentLogger,
    };
    this.log = this.options.logger;
    this.pause = new ClaimPause(this.log, this.workerId, () => this.wake());
    this.heartbeat = new LeaseHeartbeat({
      db: this.db,
      workerId: this.workerId,
      leaseMs: this.options.leaseMs,
      log: this.log,
      jobs: () => [...this.running.values(), ...this.ready],
      onLost: (entry, why) => this.loseLease(entry, why),
    });
    this.ahead = new ClaimAhead(
      this.options.claimAheadMax,
      this.options.claimAheadMs,
      this.options.concurrency,
    );
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
    this.heartbeat.start();
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
    if (this.stopping || this.pause.active) return;
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
        const claimedAt = performance.now();
        const { rows } = await this.db.query<ClaimedJob>(
          CLAIM_JOBS,
          [this.workerId, want, this.options.leaseMs],
          { name: 'claim_jobs' },
        );
        this.pause.end();
        // Rows come in the claim's order (priority, then age: CLAIM_JOBS sorts them).
        const leaseUntil = claimedAt + this.options.leaseMs;
        for (const job of rows) this.ready.push({ job, leaseUntil, settling: false });
        this.startReady();
        this.maybeMore = rows.length === want;
        if (this.maybeMore) this.wakeRequested = true;
        else if (rows.length === 0 && !this.wakeRequested) await this.scheduleNextDue();
      } while (this.wakeRequested && !this.stopping);
    } catch (error) {
      if (isDatabaseUnavailable(error) && !this.stopping) this.pause.start(error);
      else this.log.error({ err: error, workerId: this.workerId }, 'job claim failed');
    } finally {
      this.claiming = false;
    }
  }

  /** Starts claimed-ahead jobs in claim order while slots are free. */
  private startReady(): void {
    while (this.ready.length > 0 && this.running.size < this.options.concurrency && !this.stopping) {
      const held = this.ready.shift()!;
      this.run(held.job, held.leaseUntil);
    }
  }

  /**
   * The claimed-ahead jobs run low while the queue is deep: the next claim overlaps the jobs still
   * held, so slots never wait for a round trip. It is sent once a quarter of the batch is used,
   * not half: a claim's time grows with its rows, and under load a claim of a full batch took
   * about as long as running it (50 to 150 ms).
   */
  private wantsRefill(): boolean {
    const extra = this.ahead.size();
    return this.maybeMore && extra > 0 && this.ready.length <= (extra * 3) / 4;
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

  private run(job: ClaimedJob, leaseUntil: number): void {
    const entry: Running = {
      job,
      abort: new JobAbort(),
      reason: null,
      done: Promise.resolve(),
      leaseUntil,
      settling: false,
    };
    this.running.set(job.id, entry);
    const started = performance.now();
    entry.done = this.execute(entry).finally(() => {
      this.running.delete(job.id);
      this.ahead.finished(performance.now() - started);
      this.startReadySoon();
      if (this.maybeMore) this.wake();
    });
  }

  /**
   * Starts held jobs on the next turn of the event loop, not in this one. A short job ends in a
   * promise callback, and a job started from there ends in the next one: a batch held ahead would
   * run to its last job before any I/O left the process, so the next claim and the completions
   * waited for the whole batch and the slots then waited for them.
   */
  private startReadySoon(): void {
    if (this.startScheduled) return;
    this.startScheduled = true;
    setImmediate(() => {
      this.startScheduled = false;
      this.startReady();
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
        // Read by the handler only if it wants it: most short jobs never do (see JobAbort).
        get signal() {
          return entry.abort.signal;
        },
        abortReason: () => entry.reason,
        logger: log,
      });
    } catch (error) {
      // A database blip is nobody's failure: the job goes back at once, its attempt given back.
      if (isDatabaseUnavailable(error)) {
        log.warn({ err: error }, 'database unavailable during the job: released');
        // Renders of the job's other items stop too: the job is taken again from its items' state.
        entry.abort.abort('database-unavailable');
        outcome = { status: 'released' };
      } else {
        log.error({ err: error }, 'job handler threw');
        outcome = { status: 'retry', error: 'INTERNAL: the job stopped on an unexpected error' };
      }
    }
    entry.settling = true;
    // A parked job stays parked on shutdown: its render runs at the provider whoever waits for it.
    // A job whose lease could not be renewed is handed back too (a no-op if another worker has it).
    const settled = ['completed', 'failed', 'parked'].includes(outcome.status);
    if ((entry.reason === 'shutdown' || entry.reason === 'lease-lost') && !settled) {
      outcome = { status: 'released' };
    }
    try {
      // A completion is not awaited: its slot takes the next job while the batcher writes it
      // (claim and completion round trips overlap). stop() drains the batcher before exiting.
      if (outcome.status === 'completed') this.completions.complete(job);
      else await this.write(job, outcome, log);
    } catch (error) {
      log.error({ err: error, jobId: job.id }, 'job outcome write failed');
    }
    // Each job's processing time, as fields, so logs alone can tell slow jobs from slow engines.
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
      await parkJob(this.db, job, outcome, this.options.parkLeaseMs, log);
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
      this.logFailure(error, 'parked jobs poll failed');
    } finally {
      this.polling = false;
    }
  }

  /**
   * Periodic checks fail every few hundred ms while the database is away: that is said once, by
   * the claim pause and the lease renewal, so these go to debug; any other failure is a warning.
   */
  private logFailure(error: unknown, message: string): void {
    if (isDatabaseUnavailable(error)) this.log.debug({ err: error, workerId: this.workerId }, message);
    else this.log.warn({ err: error, workerId: this.workerId }, message);
  }

  /**
   * A job whose lease is lost stops, so that it never runs on while another worker takes it; one
   * claimed ahead and not started yet is simply dropped (the other worker runs it).
   */
  private loseLease(leased: LeasedJob, why: string): void {
    const entry = this.running.get(leased.job.id);
    if (!entry) {
      const at = this.ready.indexOf(leased);
      if (at >= 0) this.ready.splice(at, 1);
      this.log.warn({ jobId: leased.job.id, why }, 'claimed-ahead job lease lost: dropped');
      return;
    }
    if (entry.reason) return;
    this.log.warn({ jobId: entry.job.id, orderId: entry.job.order_id, why }, 'job lease lost: stopping it');
    entry.reason = 'lease-lost';
    entry.abort.abort('lease-lost');
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
          entry.abort.abort('canceled');
        }
      }
    } catch (error) {
      this.logFailure(error, 'cancel check failed');
    }
  }

  /** On stop, jobs claimed ahead and never started go back to the queue, their attempt given back. */
  private async releaseReady(): Promise<void> {
    const left = this.ready.splice(0);
    await Promise.all(
      left.map(({ job }) =>
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
      this.logFailure(error, 'stuck job cleanup failed');
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
    this.pause.clear();
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
        entry.abort.abort('shutdown');
      }
      await all();
    }
    clearTimeout(graceTimer);
    this.heartbeat.stop();
    await this.completions.drain();
    this.log.info({ workerId: this.workerId }, 'worker stopped');
  }
}
