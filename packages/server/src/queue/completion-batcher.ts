import type { Db } from '../db/types.js';
import { COMPLETE_JOBS } from '../sql/queue/complete-jobs.js';
import type { ClaimedJob } from './types.js';

interface Pending {
  token: { id: string; attempts: number };
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes job completions in batches: while one UPDATE is in flight, the jobs that finish meanwhile
 * wait and go together in the next one. Under load this turns N round trips into a few, and when
 * idle a lone job is written at once (no timer, no added latency).
 */
export class CompletionBatcher {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly workerId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Resolves once the job's completion is committed. */
  complete(job: Pick<ClaimedJob, 'id' | 'attempts'>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ token: { id: job.id, attempts: job.attempts }, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.db.query(COMPLETE_JOBS, [
            batch.map((p) => p.token.id),
            batch.map((p) => p.token.attempts),
            this.workerId,
          ]);
          for (const p of batch) p.resolve();
        } catch (error) {
          this.onError(error);
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
