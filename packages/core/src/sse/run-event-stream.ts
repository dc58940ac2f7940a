import type { AlfieError } from '../errors/alfie-error.js';
import { isAlfieError } from '../errors/guards.js';
import { backoffDelay } from '../http/retry.js';
import type { Transport } from '../http/transport.js';
import { readEventStream, type SseMessage } from './parse.js';
import { sleep } from './sleep.js';

export interface EventStreamOptions {
  transport: Transport;
  path: string;
  /** Ends the stream for good. */
  signal: AbortSignal;
  /** Give up on SSE when not one byte arrives in this many ms (a buffering proxy). 0 disables. */
  firstEventTimeout: number;
  /**
   * Asked when that time is up: true when silence is normal (nothing happened yet that the server
   * would send), so keep waiting instead of blaming a proxy.
   */
  silenceExpected?(): Promise<boolean>;
  /** Give up on SSE after this many connection attempts in a row that produced nothing. */
  maxFailures: number;
  /** Return true to close the stream (the `end` event). */
  onMessage(message: SseMessage): boolean | undefined;
  onConnection(state: 'live' | 'reconnecting'): void;
  /** Resume point when a previous stream already delivered events. */
  lastEventId?: string;
}

/**
 * - `ended`: onMessage asked to stop;
 * - `aborted`: the signal fired;
 * - `unavailable`: SSE does not work here (404, not an event stream, buffered, failing): poll instead.
 */
export type EventStreamOutcome =
  | { outcome: 'ended' | 'aborted' }
  | { outcome: 'unavailable'; error: AlfieError | null };

/** Keeps one SSE stream open, reconnecting with backoff and Last-Event-ID until told to stop. */
export async function runEventStream(options: EventStreamOptions): Promise<EventStreamOutcome> {
  const { transport, signal } = options;
  let lastEventId = options.lastEventId;
  let failures = 0;
  let serverRetry: number | undefined;
  let lastError: AlfieError | null = null;

  while (!signal.aborted) {
    const attempt = new AbortController();
    const attemptSignal = AbortSignal.any([signal, attempt.signal]);
    let live = false;
    let ended = false;
    let buffered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const response = await transport.send(options.path, {
        signal: attemptSignal,
        headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      });
      if (!response.body || !response.headers.get('content-type')?.includes('text/event-stream')) {
        response.body?.cancel().catch(() => {});
        return { outcome: 'unavailable', error: null };
      }
      const arm = () => {
        timer = setTimeout(async () => {
          const quiet = (await options.silenceExpected?.().catch(() => false)) ?? false;
          if (live || attemptSignal.aborted) return;
          if (quiet) return arm();
          buffered = true;
          attempt.abort();
        }, options.firstEventTimeout);
      };
      if (options.firstEventTimeout > 0) arm();
      await readEventStream(
        response.body,
        {
          onActivity() {
            if (live) return;
            live = true;
            clearTimeout(timer);
            failures = 0;
            options.onConnection('live');
          },
          onMessage(message) {
            if (ended) return;
            if (message.id) lastEventId = message.id;
            if (options.onMessage(message)) {
              ended = true;
              attempt.abort();
            }
          },
          onRetry(ms) {
            serverRetry = ms;
          },
        },
        attemptSignal,
      );
    } catch (error) {
      if (!ended && !signal.aborted && !buffered) {
        lastError = isAlfieError(error) ? error : null;
        const status = lastError?.status;
        // A 4xx will not heal by retrying (404: no SSE route, behind an old server or a proxy).
        if (status && status < 500 && status !== 408 && status !== 429)
          return { outcome: 'unavailable', error: lastError };
      }
    } finally {
      clearTimeout(timer);
    }
    if (ended) return { outcome: 'ended' };
    if (signal.aborted) break;
    if (buffered) return { outcome: 'unavailable', error: null };
    if (++failures >= options.maxFailures) return { outcome: 'unavailable', error: lastError };
    options.onConnection('reconnecting');
    try {
      await sleep(serverRetry ?? backoffDelay(failures, 500), signal);
    } catch {
      break;
    }
  }
  return { outcome: 'aborted' };
}
