import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOpsHarness, type OpsHarness } from './harness.js';

describe('logs of one order', () => {
  let h: OpsHarness;
  beforeEach(async () => {
    h = await createOpsHarness();
  });
  afterEach(() => h.close());

  it('follow a failed slide from the HTTP request to the engine call with one request id, and hold no secret', async () => {
    await h.startWorker();
    const user = await h.user();
    const admin = await h.user({ admin: true });
    const apiKey = await h.apiKey();
    h.failures.set(2, { kind: 'permanent' });
    const requestId = 'req-ops-trace-0001';
    const res = await h.request('/v1/generate', {
      headers: { authorization: `Bearer ${user.token}`, 'x-request-id': requestId },
      json: { format: 'carousel', count: 3, topic: 'Traceable carousel', brandId: user.brandId },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const { orderId, jobId } = (await res.json()) as { orderId: string; jobId: string };
    expect(await h.waitForOrder(orderId)).toBe('partial');
    // A generated id is returned when the caller sends none.
    const health = await h.request('/v1/health');
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    // Every credential of the run goes through the server once more.
    await h.request('/metrics', { headers: { authorization: `Bearer ${h.secrets.metricsToken}` } });
    await h.request('/metrics', { headers: { authorization: `Bearer ${apiKey}` } });
    await h.request('/v1/orders', {
      headers: { authorization: `Bearer ${apiKey}`, 'x-alfie-user-id': user.userId },
    });
    const login = await h.request('/admin/api/session', {
      headers: { 'x-alfie-admin': '1' },
      json: { credential: apiKey },
    });
    expect(login.status).toBe(200);
    const adminLogin = await h.request('/admin/api/session', {
      headers: { 'x-alfie-admin': '1' },
      json: { credential: admin.token },
    });
    expect(adminLogin.status).toBe(200);
    await expect
      .poll(() => h.logs().some((l) => l.msg === 'job processing time' && l.jobId === jobId))
      .toBe(true);

    // One grep: every line with the request id.
    const traced = h.logs().filter((l) => l.reqId === requestId);
    const messages = traced.map((l) => l.msg);
    expect(messages).toContain('request');
    const created = traced.find((l) => l.event === 'order_created');
    expect(created).toMatchObject({ orderId, jobId, userId: user.userId, format: 'carousel', count: 3 });
    const failedCall = traced.find((l) => l.event === 'engine_call' && l.result === 'permanent');
    expect(failedCall).toMatchObject({
      orderId,
      jobId,
      attempt: 1,
      slide: 2,
      engine: 'test-image',
      level: 40,
    });
    expect(traced.filter((l) => l.event === 'engine_call' && l.result === 'ok')).toHaveLength(3); // planner + 2 slides
    const counters = traced.filter((l) => l.event === 'counters_updated');
    expect(counters).toHaveLength(2);
    expect(counters[0]).toMatchObject({ orderId, jobId, brandId: user.brandId, charged: { images: 1 } });
    expect(traced.find((l) => l.event === 'job_processed')).toMatchObject({
      orderId,
      jobId,
      attempt: 1,
      outcome: 'completed',
      durationMs: expect.any(Number),
    });
    // Every worker line of the job carries the four ids (the API's order_created line has no attempt yet).
    const workerLines = h.logs().filter((l) => l.jobId === jobId && l.event !== 'order_created');
    expect(workerLines.length).toBeGreaterThanOrEqual(7);
    for (const line of workerLines) {
      expect(line).toMatchObject({ reqId: requestId, orderId, jobId, attempt: 1 });
    }

    const text = h.logText();
    for (const secret of [h.secrets.jwtSecret, h.secrets.metricsToken, apiKey, user.token, admin.token]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(apiKey.slice(0, 12));
  });
});
