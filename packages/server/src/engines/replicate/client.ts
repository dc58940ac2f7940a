import { isProviderError, ProviderError } from '../errors.js';
import { abortError } from '../latency.js';
import { httpStatusError, parseRetryAfter } from '../retry.js';

/** Prediction statuses (https://replicate.com/docs/reference/webhooks: starting, processing, succeeded, failed, canceled). */
export type PredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';

export interface Prediction {
  id: string;
  status: PredictionStatus;
  output?: unknown;
  error?: unknown;
  logs?: string | null;
  urls?: { get?: string; cancel?: string };
}

export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'canceled']);

export interface ReplicateClientOptions {
  token: string;
  /** Default https://api.replicate.com/v1 (REPLICATE_BASE_URL). */
  baseUrl?: string;
  /** Per-request timeout in ms. A `Prefer: wait` create may take up to 60 s, so the default is 90 s. */
  timeoutMs?: number;
}

/**
 * The three Replicate HTTP calls we make (create, get, cancel) and the output download, over
 * fetch. Not the `replicate` SDK: its retry loop (lib/util.js withAutomaticRetries) sleeps a fixed
 * backoff and only reads Retry-After from thrown ApiErrors, which its fetch path never throws, so
 * a 429's Retry-After is ignored; and it retries 429s five times inside the worker slot.
 */
export class ReplicateClient {
  readonly #token: string;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;

  constructor(options: ReplicateClientOptions) {
    this.#token = options.token;
    this.#baseUrl = (options.baseUrl ?? 'https://api.replicate.com/v1').replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 90_000;
  }

  /**
   * `owner/name` runs the model's latest version (POST /models/{owner}/{name}/predictions);
   * `owner/name:version` runs that version (POST /predictions). `waitSeconds` sends `Prefer:
   * wait=n` (sync mode: the response holds the output when the model finishes within n ≤ 60 s,
   * https://replicate.com/docs/topics/predictions/create-a-prediction).
   */
  create(
    model: string,
    input: Record<string, unknown>,
    options: { waitSeconds?: number; webhook?: string; signal?: AbortSignal } = {},
  ): Promise<Prediction> {
    const [name, version] = model.split(':');
    const path = version ? '/predictions' : `/models/${name}/predictions`;
    const body: Record<string, unknown> = version ? { version, input } : { input };
    if (options.webhook) {
      body.webhook = options.webhook;
      // Only terminal events: the job resumes once, on succeeded/failed/canceled.
      body.webhook_events_filter = ['completed'];
    }
    const headers: Record<string, string> = {};
    if (options.waitSeconds)
      headers.Prefer = `wait=${Math.min(60, Math.max(1, Math.round(options.waitSeconds)))}`;
    return this.#json<Prediction>('POST', path, { body, headers, signal: options.signal });
  }

  get(id: string, signal?: AbortSignal): Promise<Prediction> {
    return this.#json<Prediction>('GET', `/predictions/${encodeURIComponent(id)}`, { signal });
  }

  cancel(id: string): Promise<Prediction> {
    return this.#json<Prediction>('POST', `/predictions/${encodeURIComponent(id)}/cancel`, {});
  }

  /** Streams an output file (Replicate serves outputs from replicate.delivery without auth). */
  async download(
    url: string,
    signal?: AbortSignal,
  ): Promise<{ body: AsyncIterable<Uint8Array>; contentType: string | null }> {
    const response = await this.#fetch(url, { signal }, false);
    if (!response.ok || !response.body) {
      throw httpStatusError(
        'Replicate output download',
        response.status,
        await response.text().catch(() => ''),
      );
    }
    return {
      body: response.body as unknown as AsyncIterable<Uint8Array>,
      contentType: response.headers.get('content-type'),
    };
  }

  async #json<T>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<T> {
    const response = await this.#fetch(
      `${this.#baseUrl}${path}`,
      {
        method,
        headers: { 'Content-Type': 'application/json', ...options.headers },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      },
      true,
    );
    const text = await response.text();
    if (!response.ok) {
      let detail = text;
      try {
        detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
      } catch {}
      throw httpStatusError(
        'Replicate',
        response.status,
        detail,
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new ProviderError('Replicate sent a malformed response', {
        retryable: true,
        reason: 'MALFORMED_RESPONSE',
        cause,
      });
    }
  }

  async #fetch(url: string, init: RequestInit & { signal?: AbortSignal }, auth: boolean): Promise<Response> {
    const caller = init.signal;
    if (caller?.aborted) throw abortError(caller);
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
    const headers = new Headers(init.headers);
    if (auth) headers.set('Authorization', `Bearer ${this.#token}`);
    try {
      return await fetch(url, { ...init, headers, signal });
    } catch (cause) {
      if (caller?.aborted) throw abortError(caller);
      if (isProviderError(cause)) throw cause;
      if (timeout.aborted)
        throw new ProviderError('Replicate did not answer in time', {
          retryable: true,
          reason: 'TIMEOUT',
          cause,
        });
      throw new ProviderError(`Replicate request failed: ${(cause as Error).message}`, {
        retryable: true,
        reason: 'NETWORK',
        cause,
      });
    }
  }
}
