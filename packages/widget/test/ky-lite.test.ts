import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ky, { isHTTPError, isTimeoutError } from '../src/embed/ky-lite.js';

const seen: Request[] = [];
let failures = 0;
const server = setupServer(
  http.all('http://api.test/*', async ({ request }) => {
    seen.push(request.clone());
    const url = new URL(request.url);
    if (url.pathname === '/flaky' && failures-- > 0) return new HttpResponse(null, { status: 503 });
    if (url.pathname === '/missing')
      return HttpResponse.json({ error: { code: 'NOT_FOUND' } }, { status: 404 });
    if (url.pathname === '/slow') await new Promise((resolve) => setTimeout(resolve, 300));
    return HttpResponse.json({ ok: true, path: url.pathname, query: url.search });
  }),
);
const retry = {
  limit: 2,
  delay: () => 10,
  methods: ['get', 'post'],
  statusCodes: [503],
  afterStatusCodes: [],
};
const api = ky.create({ prefixUrl: 'http://api.test', timeout: 1000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  failures = 0;
});
afterAll(() => server.close());

describe('ky-lite (the script-tag bundle stand-in for ky)', () => {
  it('joins prefixUrl and path, sends search params, JSON bodies and headers', async () => {
    const response = await api('v1/things', {
      method: 'post',
      searchParams: { brandId: 'b1' },
      json: { a: 1 },
      headers: { authorization: 'Bearer t' },
    });
    expect(await response.json()).toEqual({ ok: true, path: '/v1/things', query: '?brandId=b1' });
    const request = seen[0]!;
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('authorization')).toBe('Bearer t');
    expect(await request.json()).toEqual({ a: 1 });
  });

  it('throws an HTTPError carrying the response', async () => {
    const error = await api('missing').catch((e: unknown) => e);
    expect(isHTTPError(error)).toBe(true);
    expect((error as { response: Response }).response.status).toBe(404);
  });

  it('retries retryable statuses up to the limit, and only when asked', async () => {
    failures = 2;
    expect((await api('flaky', { retry })).status).toBe(200);
    expect(seen.length).toBe(3);
    failures = 1;
    const error = await api('flaky', { retry: 0 }).catch((e: unknown) => e);
    expect(isHTTPError(error)).toBe(true);
  });

  it('times out with a TimeoutError, and an abort by the caller is not a timeout', async () => {
    const timedOut = await api('slow', { timeout: 50 }).catch((e: unknown) => e);
    expect(isTimeoutError(timedOut)).toBe(true);
    const controller = new AbortController();
    const pending = api('slow', { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const aborted = await pending;
    expect(isTimeoutError(aborted)).toBe(false);
    expect((aborted as Error).name).toBe('AbortError');
  });
});
