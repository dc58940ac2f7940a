import { afterAll, describe, expect, it } from 'vitest';
import { startCli } from './start-cli.js';

/** `alfie-server start` as a new user runs it: the printed token and curl create a 5-slide carousel. */
describe('alfie-server start', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('migrates, prints a demo token, serves the API and stops on SIGTERM', async () => {
    const cliRun = await startCli(cleanups, 'alfie-start-', {
      ALFIE_DEMO: '1',
      WORKER_POLL_INTERVAL_MS: '200',
    });
    const child = cliRun.child;
    await expect.poll(cliRun.stdout, { timeout: 30_000, interval: 100 }).toContain('Try it:');
    const stdout = cliRun.stdout();
    const stderr = cliRun.stderr();

    const url = /Alfie is running at (\S+)/.exec(stdout)?.[1];
    const token = /token \(valid until [^)]+\):\s+(\S+)/.exec(stdout)?.[1];
    const brandId = /brand: (\S+)/.exec(stdout)?.[1];
    expect(url && token && brandId, stdout + stderr).toBeTruthy();
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // The printed URL opens the playground: the widget signed in as the demo user (same machine).
    expect(stdout).toContain(`Open ${url} in your browser and ask for a carousel`);
    const playground = await fetch(`${url}/`);
    expect(playground.status).toBe(200);
    expect(playground.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await playground.text()).toContain('src="/playground/alfie-widget.js"');

    const res = await fetch(`${url}/v1/generate`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ format: 'carousel', count: 5, topic: 'Les tendances marketing 2025', brandId }),
    });
    expect(res.status).toBe(202);
    const { orderId, jobId } = await res.json();
    const order = await (await fetch(`${url}/v1/orders/${orderId}`, { headers })).json();
    expect(order.items).toHaveLength(5);
    expect(order.job.id).toBe(jobId);
    const quota = await (await fetch(`${url}/v1/quotas/${brandId}`, { headers })).json();
    expect(quota.reserved.images + quota.used.images).toBe(5);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
