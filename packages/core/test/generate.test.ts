import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../src/contract/types.js';
import { createAlfieClient } from '../src/index.js';
import { api, BASE, useMswServer } from './helpers/msw.js';

const server = useMswServer();
const request: GenerateRequest = {
  format: 'carousel',
  count: 5,
  topic: 'Les tendances marketing 2025',
  brandId: 'b1',
};
const fastRetry = { limit: 3, delay: () => 1 };

/**
 * A server that honours Idempotency-Key like the real one: one order per key, the same answer for a
 * replay. `failFirst` breaks the first attempts after (or before) the order is created.
 */
function idempotentServer(failures: Array<'network-before' | 'network-after' | 503 | 401>) {
  const orders = new Map<string, { orderId: string; jobId: string }>();
  const keys: Array<string | null> = [];
  server.use(
    http.post(api('/v1/generate'), async ({ request: req }) => {
      const key = req.headers.get('idempotency-key');
      keys.push(key);
      expect(await req.json()).toEqual(request);
      const failure = failures.shift();
      if (failure === 'network-before') return HttpResponse.error();
      if (failure === 503)
        return HttpResponse.json({ error: { code: 'INTERNAL', message: 'busy' } }, { status: 503 });
      if (failure === 401)
        return HttpResponse.json({ error: { code: 'UNAUTHORIZED', message: 'expired' } }, { status: 401 });
      if (!key)
        return HttpResponse.json({ error: { code: 'VALIDATION_FAILED', message: 'key' } }, { status: 400 });
      if (!orders.has(key))
        orders.set(key, { orderId: `ord_${orders.size + 1}`, jobId: `job_${orders.size + 1}` });
      // The order exists now, but the answer is lost on the way back.
      if (failure === 'network-after') return HttpResponse.error();
      return HttpResponse.json(orders.get(key), { status: 202 });
    }),
  );
  return { orders, keys };
}

describe('generate', () => {
  it('sends a fresh UUID Idempotency-Key per call', async () => {
    const { keys, orders } = idempotentServer([]);
    const client = createAlfieClient({ baseUrl: BASE, token: 't' });
    await expect(client.generate(request)).resolves.toEqual({ orderId: 'ord_1', jobId: 'job_1' });
    await client.generate(request);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(orders.size).toBe(2);
  });

  it('uses the caller-given key, so a manual retry finds the same order', async () => {
    const { keys, orders } = idempotentServer([]);
    const client = createAlfieClient({ baseUrl: BASE, token: 't' });
    const first = await client.generate(request, { idempotencyKey: 'my-key' });
    const again = await client.generate(request, { idempotencyKey: 'my-key' });
    expect(again).toEqual(first);
    expect(keys).toEqual(['my-key', 'my-key']);
    expect(orders.size).toBe(1);
  });

  it('retries after lost answers and 503s with the same key: one order only', async () => {
    const { keys, orders } = idempotentServer(['network-after', 503, 'network-before']);
    const client = createAlfieClient({ baseUrl: BASE, token: 't', retry: fastRetry });
    await expect(client.generate(request)).resolves.toEqual({ orderId: 'ord_1', jobId: 'job_1' });
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(orders.size).toBe(1);
  });

  it('keeps the key across the 401 token refresh too', async () => {
    const { keys, orders } = idempotentServer([401]);
    const client = createAlfieClient({ baseUrl: BASE, getToken: () => 't' });
    await client.generate(request);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(orders.size).toBe(1);
  });

  it('gives up with a NETWORK_ERROR after the retry limit', async () => {
    const { keys } = idempotentServer(['network-before', 'network-before', 'network-before']);
    const client = createAlfieClient({ baseUrl: BASE, token: 't', retry: { limit: 2, delay: () => 1 } });
    await expect(client.generate(request)).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      name: 'AlfieNetworkError',
    });
    expect(keys).toHaveLength(3);
  });
});
