import type { Db } from '../db/types.js';
import { COMPLETE_JOBS } from '../sql/queue/complete-jobs.js';
import type { ClaimedJob } from './types.js';

/**
 * Writes job completions in batches: while one statement is in flight, the jobs that finish
 * meanwhile wait and go together in the next one. Under load this turns N round trips into a few,
 * and when idle a lone job is written at once (no timer, no added latency). Nothing is allocated
 * per job beyond its place in two arrays: a drain of short jobs completes thousands a second.
 */
export class CompletionBatcher {
  private ids: string[] = [];
  private attempts: number[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly workerId: string,
    /** A failed write (its jobs stay running until their lease ends and recovery requeues them). */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queues the job's completion, written with the next batch; drain() waits for it. */
  complete(job: Pick<ClaimedJob, 'id' | 'attempts'>): void {
    this.ids.push(job.id);
    this.attempts.push(job.attempts);
    this.flushing ??= this.flush();
  }

  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.ids.length > 0) {
        const ids = this.ids;
        const attempts = this.attempts;
        this.ids = [];
        this.attempts = [];
        try {
          await this.db.query(COMPLETE_JOBS, [ids.join(','), attempts.join(','), this.workerId], {
            name: 'complete_jobs',
          });
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
