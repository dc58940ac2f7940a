import ky, { isHTTPError, type KyInstance } from 'ky';
import { kyRetryOptions, type RetryConfig } from './retry.js';
import { toAlfieError } from './to-alfie-error.js';
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

function definedEntries(params: object | undefined): Record<string, string> | undefined {
  if (!params) return undefined;
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== null);
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

export function createTransport(options: TransportOptions): Transport {
  let token = options.token ?? null;
  let getToken = options.getToken;
  const retry = kyRetryOptions(options.retry);
  const timeout = options.timeout ?? 30_000;
  const api: KyInstance = ky.create({
    prefixUrl: options.baseUrl,
    // Late-bound so a fetch patched after the client was created (msw, tests) is still used.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  });

  async function send(path: string, init: SendOptions = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const bearer = getToken ? await getToken({ forceRefresh: attempt > 0 }) : token;
      try {
        return await api(path, {
          method: init.method ?? 'get',
          searchParams: definedEntries(init.searchParams),
          json: init.json,
          signal: init.signal,
          timeout: init.timeout ?? timeout,
          headers: {
            accept: 'application/json',
            ...init.headers,
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          },
          retry: init.retry ? retry : 0,
        });
      } catch (error) {
        // One more try with a fresh token: the provider may hold an expired session.
        if (attempt === 0 && getToken && isHTTPError(error) && error.response.status === 401) continue;
        throw await toAlfieError(error, init.signal);
      }
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
