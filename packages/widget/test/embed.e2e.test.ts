import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchChromium } from '@alfie/test-kit/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, type Stack, startStack } from './e2e-setup.js';

// End to end in real Chromium: the embed example (strict CSP, hostile CSS) loads the built script-tag
// bundle and talks to a real `alfie-server start`. Run `pnpm build` first.
const artifacts = join(repoRoot, 'packages/widget/artifacts');
const built =
  existsSync(join(repoRoot, 'packages/server/dist/cli.js')) &&
  existsSync(join(repoRoot, 'packages/widget/dist/alfie-widget.js'));

let stack: Stack;
let browser: Browser;
let desktop: BrowserContext;

/** Everything the page reports about CSP: any violation fails the test. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

async function hostStyles(page: Page) {
  return page.evaluate(() => {
    const pick = (selector: string) => {
      const style = getComputedStyle(document.querySelector(selector)!);
      return [
        style.color,
        style.backgroundColor,
        style.fontSize,
        style.fontFamily,
        style.lineHeight,
        style.margin,
      ].join('|');
    };
    return {
      title: pick('#hero-title'),
      text: pick('#hero-text'),
      button: pick('#host-button'),
      body: pick('body'),
    };
  });
}

async function openWidget(page: Page) {
  await page.getByRole('button', { name: 'Ouvrir le chat Alfie' }).click();
  await page.getByRole('dialog', { name: 'Alfie' }).waitFor();
  // The conversation panel itself, not the loading state shown until alfie-widget-panel-fr.js is in.
  await page.getByRole('textbox', { name: 'Votre message' }).waitFor();
}

/** URLs of the panel file (or, with `name`, of another widget file) the page asked for. */
function panelRequests(page: Page, name = 'alfie-widget-panel-'): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes(name)) urls.push(request.url());
  });
  return urls;
}

/**
 * A desktop page whose browser never reports idle time, so the panel file is fetched only when the
 * launcher or a resumed order asks for it; with its CSP violations and panel requests recorded.
 */
async function neverIdlePage() {
  const page = await desktop.newPage();
  const violations = await watchCsp(page);
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
  });
  return { page, violations, requested: panelRequests(page) };
}

async function say(page: Page, text: string) {
  const input = page.getByRole('textbox', { name: 'Votre message' });
  await input.fill(text);
  await input.press('Enter');
}

const loadedSlides = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('alfie-widget')!.shadowRoot!;
    const images = [...root.querySelectorAll<HTMLImageElement>('[aria-roledescription="slide"] img')];
    return images.filter((img) => img.complete && img.naturalWidth > 0).length;
  });

describe('embed example against a real alfie-server', () => {
  beforeAll(async () => {
    if (!built) throw new Error('Build first: pnpm --filter @alfie/server --filter @alfie/widget build');
    await mkdir(artifacts, { recursive: true });
    stack = await startStack();
    browser = await launchChromium();
    desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  }, 30_000);

  it('leaves the host page CSS alone and is left alone by it', async () => {
    const page = await desktop.newPage();
    const violations = await watchCsp(page);
    // Baseline: the same page without the widget.
    await page.route('**/alfie-widget.js', (route) => route.abort());
    await page.goto(stack.pageUrl);
    const before = await hostStyles(page);
    await page.unroute('**/alfie-widget.js');
    await page.goto(stack.pageUrl);
    await page.getByRole('button', { name: 'Ouvrir le chat Alfie' }).waitFor();
    expect(await hostStyles(page)).toEqual(before);
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
    // The script tag exposes what it mounted.
    const api = await page.evaluate(() => {
      const global = (window as unknown as { AlfieWidget: { getWidget(): Record<string, unknown> } })
        .AlfieWidget;
      return Object.keys(global.getWidget()).sort();
    });
    expect(api).toEqual(expect.arrayContaining(['close', 'destroy', 'on', 'open', 'setToken', 'toggle']));

    // The hostile rules (hotpink buttons, [role=dialog]{display:none}, a rotated host) do not reach in.
    const launcher = page.getByRole('button', { name: 'Ouvrir le chat Alfie' });
    const launcherStyle = await launcher.evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, border: style.borderTopStyle };
    });
    expect(launcherStyle).toEqual({ background: 'rgb(15, 118, 110)', border: 'none' });
    await openWidget(page);
    const box = await page.getByRole('dialog', { name: 'Alfie' }).boundingBox();
    expect(box?.width).toBe(384);
    expect(box!.x + box!.width).toBeCloseTo(1280 - 20, 0);
    expect(violations).toEqual([]);
    await page.close();
  }, 30_000);

  it('loads the panel file only when needed, and the launcher works before it arrives', async () => {
    // A page that never gets idle: only the launcher (hover, focus, click) may ask for the panel.
    const { page, violations, requested } = await neverIdlePage();
    const extras = panelRequests(page, 'alfie-widget-extras.js');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/alfie-widget-panel-fr.js', async (route) => {
      await held; // a slow network: the panel arrives when the test says so
      await route.continue();
    });
    await page.goto(stack.pageUrl);
    const launcher = page.getByRole('button', { name: 'Ouvrir le chat Alfie' });
    await launcher.waitFor();
    await page.waitForLoadState('networkidle');
    expect(requested).toEqual([]);

    await launcher.hover(); // a click is likely: prefetch, from the folder alfie-widget.js came from
    await expect.poll(() => requested).toEqual([`${stack.pageUrl}/alfie-widget-panel-fr.js`]);
    await launcher.click();
    const waiting = page.getByRole('dialog', { name: 'Alfie' });
    await expect(waiting.getAttribute('aria-busy')).resolves.toBe('true');
    await expect(waiting.getByRole('status').textContent()).resolves.toBe('Chargement…');
    await page.screenshot({ path: join(artifacts, 'desktop-loading.png') });
    await expect(
      page.getByRole('button', { name: 'Fermer le chat Alfie' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');

    release();
    const input = page.getByRole('textbox', { name: 'Votre message' });
    await input.waitFor();
    await expect
      .poll(() => input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement))
      .toBe(true);
    await page.getByText(/Bonjour ! Décrivez le visuel voulu/).waitFor();
    expect(extras).toEqual([]);
    // The panel runs on the entry's Preact: its hooks and the shared store work. The help answer
    // comes in alfie-widget-extras.js, fetched from beside the panel the first time one is shown.
    await say(page, 'aide');
    await page.getByText('Je sais créer pour vous :').waitFor();
    expect(extras).toEqual([`${stack.pageUrl}/alfie-widget-extras.js`]);
    // Its rules came with it (a help list item is indented for its bullet).
    const item = page.getByText('un carrousel de 2 à 10 slides');
    await expect(item.evaluate((el) => getComputedStyle(el).paddingLeft)).resolves.toBe('14px');
    // Fetched once: the quota answer reads the panel's catalogue (its keys named alike) too.
    await say(page, 'Il me reste combien ?');
    await page.getByText('Ce mois-ci, il vous reste :').waitFor();
    await page.getByText(/^Renouvellement le /).waitFor();
    expect(extras).toHaveLength(1);
    expect(requested).toHaveLength(1);
    expect(violations).toEqual([]);
    await page.close();

    // On an ordinary page the panel is fetched once the page is idle, before anyone asks.
    const idle = await desktop.newPage();
    const idleRequests = panelRequests(idle);
    await idle.goto(stack.pageUrl);
    await expect.poll(() => idleRequests.length, { timeout: 8000 }).toBe(1);
    await openWidget(idle);
    expect(idleRequests).toHaveLength(1);
    await idle.close();
  }, 60_000);

  it('loads only the panel file of the locale in use', async () => {
    // The page's own widget is French; a second one mounted in English fetches the English file,
    // and its panel speaks English: each file carries one catalogue.
    const { page, violations, requested } = await neverIdlePage();
    await page.goto(stack.pageUrl);
    await page.getByRole('button', { name: 'Ouvrir le chat Alfie' }).waitFor();
    await page.evaluate(() => {
      const tag = document.querySelector<HTMLScriptElement>('script[data-api-url]')!;
      const api = (
        window as unknown as {
          AlfieWidget: { mountAlfieWidget(o: object): unknown; optionsFromDataset(d: DOMStringMap): object };
        }
      ).AlfieWidget;
      api.mountAlfieWidget({ ...api.optionsFromDataset(tag.dataset), locale: 'en', open: true });
    });
    await page.getByRole('textbox', { name: 'Your message' }).waitFor();
    expect(requested).toEqual([`${stack.pageUrl}/alfie-widget-panel-en.js`]);
    // The English panel covers the French launcher: the page's widget opens through its API.
    await page.evaluate(() =>
      (
        window as unknown as { AlfieWidget: { getWidget(): { open(): void } } }
      ).AlfieWidget.getWidget().open(),
    );
    await page.getByRole('textbox', { name: 'Votre message' }).waitFor();
    expect(requested).toEqual([
      `${stack.pageUrl}/alfie-widget-panel-en.js`,
      `${stack.pageUrl}/alfie-widget-panel-fr.js`,
    ]);
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);

  it('creates a 3-slide carousel, resumes it after a reload and navigates it', async () => {
    // Never idle: the panel loads on open, and after the reload because an order is still running.
    const { page, violations, requested } = await neverIdlePage();
    // A first conversation (proposal, confirm, live card, result) never needs the extras file. The
    // first test's conversation (a help and a quota answer) is stored in this context: forgotten.
    const extras = panelRequests(page, 'alfie-widget-extras.js');
    await page.goto(stack.pageUrl);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await openWidget(page);
    await page.screenshot({ path: join(artifacts, 'desktop-open.png') });

    await say(page, 'Crée un carrousel de 3 slides sur le vélo');
    const card = page.getByRole('form', { name: 'Voici ce que je propose' });
    await expect(card.getByLabel('Slides').inputValue()).resolves.toBe('3');
    await expect(card.getByLabel('Sujet').inputValue()).resolves.toBe('le vélo');
    await card.getByText(/3 images · \d+ restantes ce mois/).waitFor();
    await say(page, 'oui');
    await page.getByRole('progressbar').waitFor();

    // Reload while the order runs: the conversation comes back and watching resumes.
    await page.reload();
    // Watching resumes at once, panel closed: its file comes without any click.
    await expect.poll(() => requested.length).toBe(2);
    await openWidget(page);
    await page.getByText('Crée un carrousel de 3 slides sur le vélo').waitFor();
    // Still running after the reload: the restored card shows live progress, then the result.
    await page.getByRole('progressbar').waitFor({ timeout: 2000 });
    await page.getByText('Votre carrousel est prêt.').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => loadedSlides(page), { timeout: 15_000 }).toBe(3);

    const viewer = page.getByRole('region', { name: 'Carrousel : le vélo' });
    const current = () =>
      viewer.locator('[aria-roledescription="slide"]:not([hidden])').getAttribute('aria-label');
    await expect(current()).resolves.toBe('Slide 1 sur 3');
    await viewer.getByRole('button', { name: 'Slide suivante' }).click();
    await expect(current()).resolves.toBe('Slide 2 sur 3');
    await viewer.press('ArrowRight');
    await expect(current()).resolves.toBe('Slide 3 sur 3');
    await viewer.getByRole('button', { name: 'Aller à la slide 1' }).click();
    await expect(current()).resolves.toBe('Slide 1 sur 3');
    // Real downloads, not a new tab: Chromium saves each file under the server's name.
    for (const [button, name] of [
      ['Télécharger la slide 1', / - le vélo - slide 1\.png$/],
      ['Toutes les slides (ZIP)', / - le vélo\.zip$/],
      ['PDF (LinkedIn)', / - le vélo\.pdf$/],
    ] as const) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        viewer.getByRole('button', { name: button }).click(),
      ]);
      expect(file.suggestedFilename()).toMatch(name);
      expect(await file.failure()).toBeNull();
    }
    await viewer.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'desktop-carousel.png') });
    expect(extras).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);

  it('is full-screen on a phone and restores the finished carousel there', async () => {
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
    const fresh = await browser.newContext(phone);
    const first = await fresh.newPage();
    await first.goto(stack.pageUrl);
    await openWidget(first);
    await first.screenshot({ path: join(artifacts, 'mobile-open.png') });
    await fresh.close();

    // Same storage as the desktop session: the stored conversation shows the finished carousel.
    const mobile = await browser.newContext({ ...phone, storageState: await desktop.storageState() });
    const page = await mobile.newPage();
    await page.goto(stack.pageUrl);
    await openWidget(page);
    const box = await page.getByRole('dialog', { name: 'Alfie' }).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await expect.poll(() => loadedSlides(page), { timeout: 15_000 }).toBe(3);
    await page
      .getByRole('region', { name: 'Carrousel : le vélo' })
      .evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: join(artifacts, 'mobile-carousel.png') });
    // Full-screen is modal: Tab never leaves the widget for the hidden page.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ALFIE-WIDGET');
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    // Focus is back on the launcher.
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('alfie-widget')?.shadowRoot?.activeElement?.className),
      )
      .toBe('launcher');
    await mobile.close();
  }, 60_000);

  it('says when the quota is exceeded, with what remains and the reset date', async () => {
    // A 31 s video costs 8 Woofs and the starter plan has 15: the first fits, the second does not.
    const first = await fetch(`${stack.apiUrl}/v1/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'video', duration: 31, topic: 'le vélo', brandId: stack.brandId }),
    });
    expect(first.status).toBe(202);
    const page = await desktop.newPage();
    await page.goto(stack.pageUrl);
    await openWidget(page);
    await say(page, 'Crée une vidéo de 31 secondes sur le vélo');
    await page.getByText(/1 vidéo · \d+ restantes? ce mois · 8 Woofs/).waitFor();
    await say(page, 'ok');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toMatch(/Quota dépassé : il vous reste \d+ images, \d+ vidéos et 7 Woofs ce mois-ci/);
    expect(text).toMatch(/renouvellement le 1er \S+/); // « le 1er janvier »
    await page.close();
  }, 60_000);
});
