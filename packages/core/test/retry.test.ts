import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAlfieClient, isAlfieError } from '../src/index.js';
import { api, BASE, useMswServer } from './helpers/msw.js';

const server = useMswServer();
const job = { id: 'j1', status: 'running' };

/** Serves the given answers in turn on GET /v1/jobs/j1, then the job. Records when each call came. */
function flakyJob(answers: Array<() => Response>) {
  const calls: number[] = [];
  server.use(
    http.get(api('/v1/jobs/j1'), () => {
      calls.push(Date.now());
      return answers.shift()?.() ?? HttpResponse.json(job);
    }),
  );
  return calls;
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(
      { error: { code: code === 429 ? 'RATE_LIMITED' : 'INTERNAL', message: 'x' } },
      { status: code, headers },
    );

describe('retries', () => {
  it('retries GETs on 5xx and network errors, then succeeds', async () => {
    const calls = flakyJob([status(500), () => HttpResponse.error(), status(502), status(504)]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 4, delay: () => 1 } });
    await expect(client.jobs.get('j1')).resolves.toEqual(job);
    expect(calls).toHaveLength(5);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const calls = flakyJob([status(429, { 'retry-after': '1' })]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 2, delay: () => 1 } });
    await client.jobs.get('j1');
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After asks for longer than maxRetryAfter', async () => {
    const calls = flakyJob([status(503, { 'retry-after': '120' })]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 2, maxRetryAfter: 1000 } });
    await expect(client.jobs.get('j1')).rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(1);
  });

  it('jitter: false waits exactly the delay', async () => {
    const calls = flakyJob([status(503)]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { delay: () => 200, jitter: false } });
    await client.jobs.get('j1');
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(195);
  });

  it('backs off exponentially with jitter by default', async () => {
    const calls = flakyJob([status(503), status(503)]);
    await createAlfieClient({ baseUrl: BASE }).jobs.get('j1');
    const [first, second] = [calls[1]! - calls[0]!, calls[2]! - calls[1]!];
    // 300 ms then 600 ms nominal, each jittered to 50–100 %.
    expect(first).toBeGreaterThanOrEqual(140);
    expect(first).toBeLessThan(400);
    expect(second).toBeGreaterThanOrEqual(290);
    expect(second).toBeLessThan(750);
  });

  it('stops at the limit and raises the last error', async () => {
    const calls = flakyJob([status(503), status(503), status(503)]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 2, delay: () => 1 } });
    const error = await client.jobs.get('j1').catch((e: unknown) => e);
    expect(isAlfieError(error) && error.status).toBe(503);
    expect(calls).toHaveLength(3);
  });

  it('never retries 4xx answers', async () => {
    const calls = flakyJob([
      () => HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no job' } }, { status: 404 }),
    ]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 3, delay: () => 1 } });
    await expect(client.jobs.get('j1')).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(calls).toHaveLength(1);
  });

  it('does not retry a cancel (not idempotency-keyed)', async () => {
    let calls = 0;
    server.use(
      http.post(api('/v1/orders/o1/cancel'), () => {
        calls++;
        return HttpResponse.json({ error: { code: 'INTERNAL', message: 'x' } }, { status: 503 });
      }),
    );
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 3, delay: () => 1 } });
    await expect(client.orders.cancel('o1')).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(1);
  });

  it('retry: 0 turns retries off', async () => {
    const calls = flakyJob([status(503)]);
    await expect(createAlfieClient({ baseUrl: BASE, retry: 0 }).jobs.get('j1')).rejects.toMatchObject({
      status: 503,
    });
    expect(calls).toHaveLength(1);
  });
});

describe('abort and timeout', () => {
  it('an abort during the backoff rejects at once with the signal reason, without another attempt', async () => {
    const calls = flakyJob([status(503), status(503)]);
    const client = createAlfieClient({ baseUrl: BASE, retry: { limit: 2, delay: () => 10_000 } });
    const controller = new AbortController();
    const pending = client.jobs.get('j1', { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
    expect(calls).toHaveLength(1);
  });

  it('an aborted request raises an AbortError, not an AlfieError', async () => {
    server.use(http.get(api('/v1/orders'), () => new Promise<Response>(() => {})));
    const client = createAlfieClient({ baseUrl: BASE });
    const controller = new AbortController();
    const pending = client.orders.list({}, { signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(isAlfieError(error)).toBe(false);
  });

  it('a slow server raises an AlfieTimeoutError', async () => {
    server.use(http.get(api('/v1/orders'), () => new Promise<Response>(() => {})));
    const client = createAlfieClient({ baseUrl: BASE, timeout: 50 });
    await expect(client.orders.list()).rejects.toMatchObject({ code: 'TIMEOUT', name: 'AlfieTimeoutError' });
  });
});
