/**
 * The operator dashboard in real Chromium: the charts show the orders this test creates, an
 * admin retries a failed job and cancels a stuck order (logged with who did it), the page
 * refreshes live, no CSP violation happens, and a non-admin gets 404. Screenshots are kept in
 * packages/server/artifacts/.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@alfie/test-kit/chromium';
import type { Browser, Page } from 'playwright-core';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import adminUiConfig from '../../admin-ui/tsup.config.js';
import { createOpsHarness, type OpsHarness } from './harness.js';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(PACKAGE, 'artifacts');

async function buildDashboard(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'alfie-admin-ui-'));
  const config = Array.isArray(adminUiConfig) ? adminUiConfig[0] : adminUiConfig;
  await build({ ...config, entry: { admin: join(PACKAGE, 'admin-ui/main.tsx') }, outDir, silent: true });
  return outDir;
}

describe('operator dashboard in Chromium', () => {
  let h: OpsHarness;
  let browser: Browser;
  let base: string;
  let admin: { userId: string; token: string };
  let apiKey: string;
  let customer: { userId: string; token: string; brandId: string };
  const ids: Record<string, string> = {};

  const generate = async (json: Record<string, unknown>) => {
    const res = await h.request('/v1/generate', {
      headers: { authorization: `Bearer ${customer.token}` },
      json: { brandId: customer.brandId, ...json },
    });
    expect(res.status).toBe(202);
    return (await res.json()) as { orderId: string; jobId: string };
  };

  beforeAll(async () => {
    const [dir] = await Promise.all([buildDashboard(), mkdir(ARTIFACTS, { recursive: true })]);
    h = await createOpsHarness({ adminUiDir: dir });
    customer = await h.user();
    admin = await h.user({ admin: true });
    apiKey = await h.apiKey();

    // A worker that hung 15 minutes ago on an order: its job still runs, on a lease it keeps renewing.
    const stuck = await generate({ format: 'image', count: 1, topic: 'Stuck order' });
    ids.stuckOrder = stuck.orderId;
    await h.db.query(
      `update job_queue set status = 'running', attempts = 1, locked_by = 'hung-worker',
         locked_at = now() - interval '15 minutes', lease_expires_at = now() + interval '1 hour',
         created_at = now() - interval '15 minutes'
       where id = $1`,
      [stuck.jobId],
    );
    await h.startWorker();

    h.failures.set(0, { kind: 'permanent' });
    const failed = await generate({ format: 'image', count: 1, topic: 'Refused image' });
    expect(await h.waitForOrder(failed.orderId)).toBe('failed');
    Object.assign(ids, { failedOrder: failed.orderId, failedJob: failed.jobId });
    h.failures.clear();
    h.failures.set(1, { kind: 'permanent' });
    const partial = await generate({ format: 'carousel', count: 3, topic: 'Partial carousel' });
    expect(await h.waitForOrder(partial.orderId)).toBe('partial');
    h.failures.clear();
    for (const json of [
      { format: 'image', count: 1, topic: 'Image one' },
      { format: 'image', count: 1, topic: 'Image two' },
      { format: 'video', duration: 8, topic: 'Short video' },
    ]) {
      expect(await h.waitForOrder((await generate(json)).orderId)).not.toBe('failed');
    }
    // Job completions are written just after their orders end.
    for (let i = 0; i < 100; i++) {
      const { rows } = await h.db.query(`select 1 from job_queue where status = 'completed'`);
      if (rows.length === 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    base = await h.listen();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const newPage = async (): Promise<{ page: Page; cspErrors: string[] }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('pageerror', (e) => cspErrors.push(String(e)));
    return { page, cspErrors };
  };

  it('answers 404 to a non-admin, in the browser and on the API', async () => {
    const { page } = await newPage();
    const response = await page.goto(`${base}/admin?access_token=${customer.token}`);
    expect(response?.status()).toBe(404);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-non-admin-404.png') });

    // The login form does not let a non-admin in either.
    const login = await newPage();
    await login.page.goto(`${base}/admin`);
    await login.page.fill('#credential', customer.token);
    await login.page.click('button[type=submit]');
    await expect.poll(() => login.page.textContent('.error')).toBe('Not found');
    await login.page.context().close();

    for (const path of ['/admin/api/overview', '/admin/api/me']) {
      const res = await h.request(path, { headers: { authorization: `Bearer ${customer.token}` } });
      expect(res.status).toBe(404);
    }
    const anonymous = await h.request('/admin/api/overview');
    expect(anonymous.status).toBe(404);
    await page.context().close();
  });

  it('shows the orders this test created, retries a failed job and cancels a stuck order, live', async () => {
    const { page, cspErrors } = await newPage();
    const response = await page.goto(`${base}/admin`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.fill('#credential', apiKey);
    await page.click('button[type=submit]');
    await page.waitForSelector('#success canvas');
    await page.waitForSelector('.live.on');

    const text = (selector: string) => page.textContent(selector);
    expect(await text('#success li[data-type=render_images]')).toBe(
      'render_images: 2 completed, 1 failed, 0 canceled',
    );
    expect(await text('#success li[data-type=render_carousels]')).toContain('1 completed, 0 failed');
    expect(await text('#success li[data-type=generate_video]')).toContain('1 completed, 0 failed');
    expect(await text('#timing li[data-type=image]')).toBe('image: 2 orders delivered');
    expect(await text('#timing li[data-type=carousel]')).toBe('carousel: 1 orders delivered');
    expect(await text('#timing li[data-type=video]')).toBe('video: 1 orders delivered');
    // pro (the customer's and the admin's brands): 2 images + 2 slides used, the stuck order's
    // image still reserved, 1 reel; limits are per brand.
    const pro = page.locator('#quota tr[data-plan=pro] td');
    expect(await pro.allTextContents()).toEqual(['pro', '2', '4 / 1 / 900', '1 / 0 / 90']);
    expect(await page.getAttribute('#stuck .totals', 'data-stuck')).toBe('1');
    expect(await page.locator('.chart canvas').count()).toBeGreaterThanOrEqual(4);
    // Reuse and A/B cards: this test made no reuse and no variant order.
    await page.waitForSelector('#reuse [data-renders-saved]');
    expect(await page.getAttribute('#reuse [data-renders-saved]', 'data-renders-saved')).toBe('0');
    expect(await text('#reuse [data-reuse-rate]')).toMatch(/^Reuse rate: 0\.0% \(0 of \d+ orders\)$/);
    expect(await text('#ab-tests li[data-style=bold]')).toBe('bold: 0 wins');
    // uPlot's legend shows the value of the bucket holding this test's orders.
    const failedRow = page.locator(`tr[data-job-id="${ids.failedJob}"]`);
    expect(await failedRow.locator('.last-error').textContent()).toContain('SAFETY_BLOCK');
    const stuckRow = page.locator('tr.stuck');
    expect(await stuckRow.count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-dashboard-24h.png'), fullPage: true });
    // On a 390 px phone the dashboard fits its width (wide tables scroll inside their own box).
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      )
      .toBe(0);
    if (viewport) await page.setViewportSize(viewport);

    await page.click('button:text("Last 30 days")');
    await page.waitForSelector('button.active:text("Last 30 days")');
    await expect.poll(() => text('#timing li[data-type=image]')).toBe('image: 2 orders delivered');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-dashboard-30d.png'), fullPage: true });
    await page.click('button:text("Last 24 hours")');

    // Cancel the stuck order.
    await stuckRow.locator('button:text("Cancel order")').click();
    await expect.poll(() => text('.notice')).toContain('canceled');
    const { rows: stuckOrder } = await h.db.query<{ status: string }>(
      'select status from orders where id = $1',
      [ids.stuckOrder],
    );
    expect(stuckOrder[0]?.status).toBe('canceled');

    // Retry the failed job: the worker delivers it this time, and the page updates by itself (the
    // refresh after the click sees the job only queued: "3 completed" comes from the live feed).
    await failedRow.locator('button:text("Retry job")').click();
    await expect.poll(() => text('.notice')).toContain('queued again');
    expect(await h.waitForOrder(ids.failedOrder as string, ['completed'])).toBe('completed');
    await expect
      .poll(() => text('#success li[data-type=render_images]'), { timeout: 10_000 })
      .toBe('render_images: 3 completed, 0 failed, 1 canceled');
    await expect.poll(() => page.locator(`tr[data-job-id="${ids.failedJob}"]`).count()).toBe(0);
    expect(await text('#timing li[data-type=image]')).toBe('image: 3 orders delivered');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-dashboard-after-actions.png'), fullPage: true });

    const actions = h.logs().filter((l) => l.event === 'admin_action');
    expect(actions.map((l) => l.action).sort()).toEqual(['cancel_order', 'retry_job']);
    for (const line of actions) {
      expect(line.actor).toMatchObject({ kind: 'apiKey', name: 'ops test' });
      expect(line.reqId).toEqual(expect.any(String));
    }
    expect(h.logText()).not.toContain(apiKey);
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('lets a user with the admin role in with a token', async () => {
    const { page, cspErrors } = await newPage();
    const response = await page.goto(`${base}/admin?access_token=${admin.token}`);
    expect(response?.status()).toBe(200);
    await page.waitForSelector('#success canvas');
    expect(await page.textContent('.who')).toContain('@ops.test');
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });
});
