/**
 * Reuse and A/B variants through the typed client against the REAL server (the test kit's real-server starter):
 * real SQL on PGlite and PostgreSQL, the real worker and local engine.
 */

import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlfieClient, createAlfieClient, isReuseOffer } from '../src/index.js';
import { until } from './helpers/msw.js';

describe.each(['pglite', 'postgres'] as const)('reuse and variants through the client on %s', (kind) => {
  let real: RealServer;
  let brandId: string;
  let client: AlfieClient;

  beforeAll(async () => {
    real = await startRealServer({ db: kind });
    brandId = real.brandId;
    client = createAlfieClient({ baseUrl: real.baseUrl, getToken: () => real.user.token });
  }, 60_000);
  afterAll(() => real?.close());

  /** Waits for the order's end through the client's own live watcher. */
  const ended = async (orderId: string) => {
    const watcher = client.orders.watch(orderId);
    const stop = watcher.subscribe(() => {});
    await until(() => watcher.getSnapshot().done, 60_000);
    stop();
    return client.orders.get(orderId);
  };

  it('offers, then reuses for free, a visual the brand already has', async () => {
    const request = { format: 'image' as const, topic: 'Café du matin', brandId };
    const first = await client.generate(request);
    expect(first.jobId).toEqual(expect.any(String));
    await ended(first.orderId);

    const { match } = await client.reuse.match({ ...request, topic: 'café du matin !' });
    expect(match).toMatchObject({ orderId: first.orderId, similarity: 1 });

    const offered = await client.generate({ ...request, reuse: 'offer' });
    expect(isReuseOffer(offered)).toBe(true);
    if (!isReuseOffer(offered)) return;
    const quota = await client.quotas.get(brandId);
    const reused = await client.generate({ ...request, reuseOf: offered.offer.orderId });
    expect(reused).toMatchObject({ jobId: null, reusedFromOrderId: first.orderId });
    const detail = await client.orders.get(reused.orderId);
    expect(detail).toMatchObject({ status: 'completed', reusedFromOrderId: first.orderId });
    expect((await client.quotas.get(brandId)).used).toEqual(quota.used);
  });

  it('orders variants, reports their performance, reads the verdict and chooses one', async () => {
    const { orderId } = await client.generate({ format: 'image', topic: 'Rentrée', brandId, variants: 2 });
    const order = await ended(orderId);
    expect(order.variants).toBe(2);
    const before = await client.variants.get(orderId);
    expect(before.variants.map((v) => v.url)).toEqual([
      expect.stringMatching(/^http/),
      expect.stringMatching(/^http/),
    ]);
    expect(before.verdict.status).toBe('too_few_data');
    const report = await client.variants.report(orderId, [
      { variant: 0, impressions: 1000, clicks: 100 },
      { variant: 1, impressions: 1000, clicks: 150 },
    ]);
    expect(report.verdict).toMatchObject({ status: 'winner', leader: 1 });
    const chosen = await client.variants.choose(orderId, 1);
    expect(chosen.chosenVariant).toBe(1);
    const [entry] = (await client.library.list({ orderId })).data;
    expect(entry).toMatchObject({ chosenVariant: 1, variants: 2 });
    expect(entry!.assets[0]!.slideIndex).toBe(1);
  });
});
