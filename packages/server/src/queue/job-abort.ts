/**
 * A running job's abort, whose AbortSignal is made only when the handler reads it. Making an
 * AbortSignal costs microseconds and garbage (a drain of no-op jobs spent a tenth of its worker
 * time there); a short job that never looks at its signal should not pay for it. A signal read
 * after the abort is born aborted, with the same reason.
 *
 * @example
 * const abort = new JobAbort();
 * handler(job, { get signal() { return abort.signal; } });
 * abort.abort('canceled');
 */
export class JobAbort {
  private controller: AbortController | null = null;
  private reason: { value: unknown } | null = null;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason.value);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    this.reason ??= { value: reason };
    this.controller?.abort(reason);
  }
}
