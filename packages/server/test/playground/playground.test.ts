import { mkdtempSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '@alfie/test-kit/chromium';
import { serve } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngines } from '../../src/engines/index.js';
import { createApp } from '../../src/http/app.js';
import { isLoopbackAddress } from '../../src/playground/local-only.js';
import { widgetDistDir } from '../../src/playground/widget-files.js';
import { createLocalStorage } from '../../src/storage/index.js';
import { startWorker, type WorkerHandle } from '../../src/worker/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const screenshotPath = process.env.PLAYGROUND_SCREENSHOT;

/**
 * The playground as a newcomer meets it: a real server on 127.0.0.1 with the demo user, the real
 * worker and local engines, the built widget, and Chromium speaking French. Needs the widget built
 * (`pnpm --filter @alfie/widget build`).
 */
describe('playground at / (PGlite, Chromium)', { timeout: 120_000 }, () => {
  let t: TestApp;
  let worker: WorkerHandle;
  let server: ReturnType<typeof serve>;
  let url: string;
  let dataDir: string;
  let browser: Browser;
  let demo: { userId: string; brandId: string; email: string };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alfie-playground-'));
    // The port is known only once listening, and the app's publicUrl needs it: the listener
    // reaches the app, created just below, through this closure.
    server = serve({ fetch: (request, env) => app.fetch(request, env), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://localhost:${(server.address() as AddressInfo).port}`;
    t = await createTestApp('pglite', { dataDir, publicUrl: url });
    const user = await t.createUser({ email: 'demo@alfie.local' });
    const brand = await t.createBrand(user.userId, { name: 'Demo brand' });
    demo = { userId: user.userId, brandId: String(brand.id), email: user.email };
    const app = createApp({ ...t.deps, playground: demo });
    worker = await startWorker({
      db: t.db,
      engines: createEngines({}),
      storage: createLocalStorage({ dataDir, publicUrl: url }),
      pollIntervalMs: 50,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    server?.close();
    await t?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has the widget built to serve', () => {
    expect(widgetDistDir()).toMatch(/widget[/\\]dist$/);
  });

  it('lets a newcomer ask for a carousel in French and see its slides, without a token', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|error/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(`${url}/`);
    await page.getByRole('link', { name: 'API reference (OpenAPI)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Admin dashboard' }).getAttribute('href')).toBe('/admin');
    // No token in the page itself: the widget gets one through the page's script.
    expect(await page.content()).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

    const input = page.getByRole('textbox', { name: 'Votre message' });
    await input.fill('Fais-moi un carrousel de 3 slides sur les tendances marketing 2025');
    await input.press('Enter');
    await page.getByRole('form', { name: 'Voici ce que je propose' }).waitFor();
    await input.fill('oui');
    await input.press('Enter');
    await page.getByText('Votre carrousel est prêt.').first().waitFor({ timeout: 60_000 });

    const slides = () =>
      page.evaluate(() => {
        const root = document.querySelector('alfie-widget')!.shadowRoot!;
        return [...root.querySelectorAll<HTMLImageElement>('[aria-roledescription="slide"] img')]
          .filter((img) => img.complete && img.naturalWidth > 0)
          .map((img) => img.alt);
      });
    await expect.poll(async () => (await slides()).length, { timeout: 15_000 }).toBe(3);
    // The slides were written in French from the topic (their alt is the planned title and subtitle).
    const alts = await slides();
    expect(alts.at(-1)).toMatch(
      /^À vous de jouer — Enregistrez ce carrousel sur « les tendances marketing 2025 »/,
    );
    expect(alts.join(' ')).not.toMatch(/Key point|Your turn/);

    // The live order list shows the order, completed.
    const row = page.locator('#orders .order').first();
    await expect.poll(() => row.locator('.status').textContent(), { timeout: 10_000 }).toBe('completed');
    expect(await row.locator('.topic').textContent()).toBe('les tendances marketing 2025');
    expect(problems).toEqual([]);
    if (screenshotPath) await page.screenshot({ path: screenshotPath });
    await context.close();
  });

  it('gives the demo token only to the page itself, from this machine', async () => {
    // A plain request (no Sec-Fetch-Site: not a page's own fetch) is refused.
    const direct = await fetch(`${url}/playground/session`);
    expect(direct.status).toBe(403);
    expect((await direct.json()).error.code).toBe('FORBIDDEN');
    // A page on another site, even in the local browser: Sec-Fetch-Site says so.
    const crossSite = await fetch(`${url}/playground/session`, {
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const forgedOrigin = await fetch(`${url}/playground/session`, {
      headers: { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
    });
    expect(forgedOrigin.status).toBe(403);
    // Another host name pointing here (DNS rebinding): the playground does not exist for it.
    // (node:http, since fetch does not let a caller set Host.)
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpGet(`${url}/`, { headers: { host: 'evil.example' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(rebound).toBe(404);
    const sameMachine = await new Promise<number>((resolve, reject) => {
      httpGet(`${url}/`, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(sameMachine).toBe(200);
    // The page's own fetch works, and the token it gets is the demo user's, for the demo brand.
    const own = await fetch(`${url}/playground/session`, { headers: { 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(200);
    const session = (await own.json()) as { token: string; brandId: string };
    expect(session.brandId).toBe(demo.brandId);
    const brands = await fetch(`${url}/v1/brands`, { headers: { authorization: `Bearer ${session.token}` } });
    expect((await brands.json()).data.map((b: { id: string }) => b.id)).toEqual([demo.brandId]);
  });

  it('is absent through app.request (no loopback peer), without a demo user, or when PLAYGROUND is off', async () => {
    const withDemo = createApp({ ...t.deps, playground: demo });
    expect((await withDemo.request('/')).status).toBe(404);
    expect((await t.app.request('/')).status).toBe(404);
    const off = createApp({ ...t.deps, config: { ...t.config, playground: false }, playground: demo });
    expect((await off.request('/')).status).toBe(404);
  });

  it('counts only loopback peers as local', () => {
    for (const address of ['127.0.0.1', '127.8.0.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.2', '192.168.1.4', '::ffff:10.0.0.1', 'fe80::1', '1.127.0.0'])
      expect(isLoopbackAddress(address)).toBe(false);
  });
});
