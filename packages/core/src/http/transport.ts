import { errorFromResponse } from '../errors/from-response.js';
import { AlfieNetworkError, AlfieTimeoutError } from '../errors/transport-errors.js';
import { sleep } from '../sse/sleep.js';
import { type RetryConfig, retryPolicy } from './retry.js';
import type { TokenProvider } from './token.js';

export interface RequestOptions {
  /** Aborts the request (and its retries). The promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface SendOptions extends RequestOptions {
  method?: 'get' | 'post' | 'patch' | 'delete';
  searchParams?: object;
  json?: unknown;
  headers?: Record<string, string>;
  /** Only for requests that are safe to repeat: GETs and idempotency-keyed POSTs. */
  retry?: boolean;
  timeout?: number | false;
}

/** How requests reach the server; `AlfieClientOptions` extends it, so these docs are the public ones. */
export interface TransportOptions {
  /** Where `alfie-server` listens, e.g. `http://localhost:8787`. */
  baseUrl: string;
  /** A fixed bearer token (a browser JWT minted by POST /v1/tokens, or a secret key on a server). */
  token?: string | null;
  /** Called before every request and again after a 401; wins over `token`. */
  getToken?: TokenProvider;
  /** Defaults to the global fetch (read at call time). */
  fetch?: typeof fetch;
  /** Per-attempt timeout until response headers, in ms. Default 30000. */
  timeout?: number;
  /** Retries of GETs and generate (network errors, 408, 429, 5xx). A number is the limit. Default 2. */
  retry?: number | RetryConfig;
}

export interface Transport {
  /** Sends a request and resolves with the 2xx Response; rejects with an AlfieError otherwise. */
  send(path: string, options?: SendOptions): Promise<Response>;
  json<T>(path: string, options?: SendOptions): Promise<T>;
  setToken(token: string | null): void;
}

/**
 * Requests over plain `fetch`: bearer token (refreshed once after a 401), per-attempt timeout,
 * retries with backoff and Retry-After, and core's error model. One small layer for every build,
 * the script-tag widget included, instead of an HTTP library: ky (our first choice) is 5 kB
 * gzipped on its own, a fifth of the widget's whole budget, and the widget had grown a second,
 * lighter copy of it (issue 15). This is the one layer, about 1 kB, covered by core's tests.
 */
export function createTransport(options: TransportOptions): Transport {
  let token = options.token ?? null;
  let getToken = options.getToken;
  const delayBefore = retryPolicy(options.retry);
  const base = options.baseUrl.replace(/\/?$/, '/');

  async function send(path: string, init: SendOptions = {}): Promise<Response> {
    const { signal } = init;
    const method = (init.method ?? 'get').toUpperCase();
    // Relative to the page in a browser, so a `baseUrl` of '/api' works there.
    const url = new URL(base + path, globalThis.location?.href);
    for (const [key, value] of Object.entries(init.searchParams ?? {}))
      if (value != null) url.searchParams.set(key, String(value));
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    const timeout = init.timeout ?? options.timeout ?? 30_000;
    // Read at call time, so a fetch patched after the client was created (msw, tests) is used.
    const doFetch = options.fetch ?? globalThis.fetch;
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const bearer = getToken ? await getToken({ forceRefresh: refreshed }) : token;
      const headers = new Headers({ accept: 'application/json', ...init.headers });
      if (body !== undefined) headers.set('content-type', 'application/json');
      if (bearer) headers.set('authorization', `Bearer ${bearer}`);
      const timer = new AbortController();
      const clock = timeout === false ? undefined : setTimeout(() => timer.abort(), timeout);
      let response: Response | undefined;
      let failure: unknown;
      try {
        response = await doFetch(
          new Request(url, {
            method,
            headers,
            body,
            signal: signal ? AbortSignal.any([signal, timer.signal]) : timer.signal,
          }),
        );
      } catch (error) {
        // An abort by the caller is passed through untouched: it is not an Alfie failure.
        if (signal?.aborted) throw signal.reason ?? error;
        if (timer.signal.aborted)
          throw new AlfieTimeoutError(`Request timed out: ${method} ${url.href}`, error);
        if ((error as Error | undefined)?.name === 'AbortError') throw error;
        failure = new AlfieNetworkError((error as Error | undefined)?.message || 'Network error', error);
      } finally {
        clearTimeout(clock);
      }
      if (response?.ok) return response;
      // One more try with a fresh token: the provider may hold an expired session.
      if (response?.status === 401 && getToken && !refreshed) {
        refreshed = true;
        attempt--;
        response.body?.cancel().catch(() => {});
        continue;
      }
      const wait = init.retry ? delayBefore(attempt, response) : null;
      if (wait === null) throw response ? await errorFromResponse(response) : failure;
      response?.body?.cancel().catch(() => {});
      await sleep(wait, signal);
    }
  }

  return {
    send,
    json: async <T>(path: string, init?: SendOptions) => (await send(path, init)).json() as Promise<T>,
    setToken(next) {
      token = next;
      getToken = undefined;
    },
  };
}
