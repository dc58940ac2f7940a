import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@alfie/test-kit/chromium';
import { type CliServer, startCliServer } from '@alfie/test-kit/cli-server';
import type { Browser, Page } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

let server: CliServer;
let site: PreviewServer;
let outDir: string;
let browser: Browser;

beforeAll(async () => {
  // The app as a user would deploy it: a production build, served statically by `vite preview`.
  outDir = await mkdtemp(join(tmpdir(), 'alfie-example-dist-'));
  const [running] = await Promise.all([
    startCliServer(),
    build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
  ]);
  server = running;
  site = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await server?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** For each <img> matching the selector: has it finished loading real pixels? */
function slidesLoaded(page: Page, selector: string): Promise<boolean[]> {
  return page.$$eval(selector, (images) =>
    images.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
  );
}

it('connects, orders a carousel and sees every slide arrive, views it, orders by chat, plays a video', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );

  await page.goto(site.resolvedUrls!.local[0]!);
  await page.getByLabel('Server URL').fill(server.url);
  await page.getByLabel('Token').fill(server.token);
  await page.getByLabel('Brand id').fill(server.brandId);
  await page.getByRole('button', { name: 'Connect' }).click();

  const images = page.getByTestId('quota-images');
  await expect.poll(() => images.textContent(), { timeout: 15_000 }).toMatch(/^\d+$/);
  const before = Number(await images.textContent());

  const form = page.locator('form.generate');
  await form.getByLabel('Topic').fill('Coffee rituals around the world');
  await form.getByLabel('Format').selectOption('carousel');
  await form.getByLabel('Slides').fill('3');
  await form.getByLabel('Ratio').selectOption('4:5');
  await form.getByRole('button', { name: 'Generate' }).click();

  // Live progress: the order completes and all three slides are on screen, loaded from the server.
  const progress = form.locator('.order-progress');
  await expect.poll(() => progress.getAttribute('data-status'), { timeout: 45_000 }).toBe('completed');
  await expect
    .poll(() => slidesLoaded(page, 'form.generate .thumbs img'), { timeout: 15_000 })
    .toEqual([true, true, true]);
  expect(await progress.locator('.count').textContent()).toBe('3/3');

  // The quota meter refreshed by itself: three images spent.
  await expect.poll(() => images.textContent(), { timeout: 15_000 }).toBe(String(before - 3));
  // The order list shows it, and the gallery opens it in the carousel viewer.
  await expect.poll(() => page.locator('.orders .order-row').count()).toBe(1);
  await page.getByRole('button', { name: 'Open Coffee rituals around the world' }).click();
  const viewer = page.getByRole('dialog');
  await expect.poll(() => viewer.locator('.slides-nav .muted').textContent()).toBe('1 / 3');
  await viewer.getByRole('button', { name: 'Next slide' }).click();
  expect(await viewer.locator('.slides-nav .muted').textContent()).toBe('2 / 3');
  await expect
    .poll(() => viewer.locator('img.media').evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0);

  await viewer.getByRole('button', { name: 'Close' }).click();

  // The chat box: a request becomes a proposal, "yes" orders it, and its slides arrive live.
  await page.getByLabel('Message').fill('make a 2 slide carousel about green tea for instagram');
  await page.getByRole('button', { name: 'Send' }).click();
  const proposal = page.locator('.chat .proposal');
  await expect.poll(() => proposal.textContent()).toContain('Carousel · 2 slides · 4:5');
  await page.getByLabel('Message').fill('yes');
  await page.getByRole('button', { name: 'Send' }).click();
  const chatOrder = page.locator('.chat .order-progress');
  await expect.poll(() => chatOrder.getAttribute('data-status'), { timeout: 45_000 }).toBe('completed');
  await expect.poll(() => slidesLoaded(page, '.chat .thumbs img'), { timeout: 15_000 }).toEqual([true, true]);
  await expect.poll(() => page.locator('.orders .order-row').count()).toBe(2);

  // A short video: ordered from the form, then played in the gallery's video player.
  await form.getByLabel('Topic').fill('Morning espresso');
  await form.getByLabel('Format').selectOption('video');
  await form.getByLabel('Seconds').fill('4');
  await form.getByRole('button', { name: 'Generate' }).click();
  await expect.poll(() => progress.locator('.count').textContent(), { timeout: 15_000 }).toMatch(/^\d\/1$/);
  await expect.poll(() => progress.getAttribute('data-status'), { timeout: 60_000 }).toBe('completed');
  await page.getByRole('tab', { name: 'Videos' }).click();
  await page.getByRole('button', { name: 'Open Morning espresso' }).click();
  const player = page.getByRole('dialog').locator('video.media');
  await expect
    .poll(() => player.evaluate((video) => (video as HTMLVideoElement).readyState), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(1);
  expect(await player.evaluate((video) => Math.round((video as HTMLVideoElement).duration))).toBe(4);
  await page.getByRole('button', { name: 'Close' }).click();

  // On a 390 px phone the page fits its width: no horizontal scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    )
    .toBe(0);

  if (process.env.ALFIE_E2E_SCREENSHOT)
    await page.screenshot({ path: process.env.ALFIE_E2E_SCREENSHOT, fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
});
