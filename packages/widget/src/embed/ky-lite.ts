/**
 * A small stand-in for `ky`, used ONLY in the script-tag bundle (tsup aliases `ky` to this file), to
 * keep that bundle inside its 25 KB budget. It implements exactly the ky surface @alfie/core uses:
 * `ky.create({ prefixUrl, timeout, fetch })`, per-request `method, searchParams, json, headers, signal,
 * timeout, retry` (limit, delay, backoffLimit, jitter, methods, statusCodes, afterStatusCodes,
 * maxRetryAfter), `HTTPError` / `TimeoutError` and their guards. The ESM/CJS builds use the real ky.
 * test/ky-lite.test.ts checks the behaviour core relies on.
 */
interface RetryOptions {
  limit?: number;
  methods?: string[];
  statusCodes?: number[];
  afterStatusCodes?: number[];
  maxRetryAfter?: number;
  backoffLimit?: number;
  delay?: (attempt: number) => number;
  jitter?: (delay: number) => number;
}

interface Options {
  prefixUrl?: string;
  method?: string;
  searchParams?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | null;
  timeout?: number | false;
  retry?: number | RetryOptions;
  fetch?: typeof fetch;
}

export class HTTPError extends Error {
  override name = 'HTTPError';
  constructor(
    public response: Response,
    public request: Request,
  ) {
    super(`Request failed with status code ${response.status}: ${request.method} ${request.url}`);
  }
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(public request: Request) {
    super(`Request timed out: ${request.method} ${request.url}`);
  }
}

export const isHTTPError = (error: unknown): error is HTTPError =>
  (error as Error | null)?.name === 'HTTPError';
export const isTimeoutError = (error: unknown): error is TimeoutError =>
  (error as Error | null)?.name === 'TimeoutError';

const wait = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(header) - Date.now());
}

async function send(path: string, options: Options): Promise<Response> {
  const method = (options.method ?? 'get').toUpperCase();
  const prefix = options.prefixUrl ?? '';
  const url = new URL(prefix ? `${prefix.replace(/\/?$/, '/')}${path}` : path, globalThis.location?.href);
  for (const [key, value] of Object.entries(options.searchParams ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers.set('content-type', 'application/json');
  }
  const retry: RetryOptions =
    typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const limit = retry.methods && !retry.methods.includes(method.toLowerCase()) ? 0 : (retry.limit ?? 0);
  const doFetch = options.fetch ?? globalThis.fetch;

  for (let attempt = 1; ; attempt++) {
    const timeoutController = new AbortController();
    const signals = [timeoutController.signal, ...(options.signal ? [options.signal] : [])];
    const request = new Request(url, { method, headers, body, signal: AbortSignal.any(signals) });
    const timer =
      options.timeout === false
        ? undefined
        : setTimeout(() => timeoutController.abort(), options.timeout ?? 10_000);
    let retryDelay: number | undefined;
    try {
      const response = await doFetch(request);
      if (response.ok) return response;
      const error = new HTTPError(response, request);
      if (attempt > limit || !(retry.statusCodes ?? []).includes(response.status)) throw error;
      if (retry.afterStatusCodes?.includes(response.status)) retryDelay = retryAfterMs(response);
      if (retryDelay !== undefined && retryDelay > (retry.maxRetryAfter ?? Number.POSITIVE_INFINITY))
        throw error;
    } catch (error) {
      if (timeoutController.signal.aborted && !options.signal?.aborted) throw new TimeoutError(request);
      if (isHTTPError(error) || options.signal?.aborted || attempt > limit) throw error;
    } finally {
      clearTimeout(timer);
    }
    const base = Math.min(
      retry.backoffLimit ?? Number.POSITIVE_INFINITY,
      retry.delay?.(attempt) ?? 300 * 2 ** (attempt - 1),
    );
    await wait(retryDelay ?? (retry.jitter ? retry.jitter(base) : base), options.signal);
  }
}

type Instance = (path: string, options?: Options) => Promise<Response>;

const ky = {
  create(defaults: Options): Instance {
    return (path, options = {}) => {
      const merged: Options = { ...defaults };
      for (const [key, value] of Object.entries(options)) {
        if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
      }
      return send(path, merged);
    };
  },
};

export default ky;
