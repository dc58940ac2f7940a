import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@alfie/test-kit/chromium';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// In real Chromium, against the real server (worker, local engine, PostgreSQL): the reuse offer is
// shown and reuses for free; three variants are shown side by side and one is chosen. First the two
// components alone, then the whole widget, whose conversation engine offers and orders them. Pages are
// bundled from source (test/harness), so no build is needed first.
const here = dirname(fileURLToPath(import.meta.url));

describe('reuse offer and variant picker in Chromium', () => {
  let real: RealServer;
  let browser: Browser;
  let bundle: string;
  let widgetBundle: string;
  let variantsOrderId: string;
  const request = { format: 'image' as const, topic: 'Soldes d’hiver', brandId: '' };

  beforeAll(async () => {
    const bundled = (page: string) =>
      build({
        entryPoints: [join(here, 'harness', page)],
        bundle: true,
        write: false,
        format: 'esm',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        target: 'es2022',
        nodePaths: [join(here, '../node_modules')],
      }).then((built) => built.outputFiles[0]!.text);
    const [server, built, builtWidget, launched] = await Promise.all([
      startRealServer({ db: 'postgres', latencyMs: 0 }),
      bundled('reuse-variants-page.tsx'),
      bundled('widget-page.ts'),
      launchChromium(),
    ]);
    real = server;
    browser = launched;
    bundle = built;
    widgetBundle = builtWidget;
    request.brandId = real.brandId;
    const post = async (json: unknown) => {
      const res = await real.app.request('/v1/generate', { headers: real.user.headers, json });
      const body = (await res.json()) as { orderId: string };
      expect(res.status, JSON.stringify(body)).toBe(202);
      return body;
    };
    const ended = async (orderId: string) => {
      for (let i = 0; i < 1200; i++) {
        const { rows } = await real.app.db.query<{ status: string }>(
          'select status from orders where id = $1',
          [orderId],
        );
        if (rows[0]!.status === 'completed') return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`order ${orderId} did not complete`);
    };
    const first = await post(request);
    variantsOrderId = (await post({ ...request, topic: 'Fête des pères', variants: 3 })).orderId;
    await Promise.all([ended(first.orderId), ended(variantsOrderId)]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await real?.close();
  });

  it('offers the earlier visual, reuses it for free, then shows three variants and stores the choice', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Same origin as the API, so the page calls it without CORS.
    await page.goto(`${real.baseUrl}/v1/health`);
    await page.setContent('<!doctype html><html lang="fr"><body><div id="root"></div></body></html>');
    await page.evaluate(
      (harness) => {
        window.harness = harness;
      },
      { token: real.user.token, request, variantsOrderId },
    );
    await page.addScriptTag({ content: bundle, type: 'module' });

    const day = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(),
    );
    await page.getByText(`Vous avez déjà un visuel proche (${day})`).waitFor();
    const preview = page.getByRole('img', { name: 'Votre visuel précédent' });
    // The text shows before the image has arrived: wait for it to load rather than racing it.
    await expect
      .poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const before = await (
      await real.app.request(`/v1/quotas/${real.brandId}`, { headers: real.user.headers })
    ).json();
    await page.getByRole('button', { name: 'Réutiliser gratuitement' }).click();
    await page.locator('#offer-state').waitFor();
    const [outcome] = await page.evaluate(() => window.outcome);
    const [, orderId, from] = outcome!.split(':');
    const reused = await (
      await real.app.request(`/v1/orders/${orderId}`, { headers: real.user.headers })
    ).json();
    expect(reused).toMatchObject({ status: 'completed', reusedFromOrderId: from });
    const after = await (
      await real.app.request(`/v1/quotas/${real.brandId}`, { headers: real.user.headers })
    ).json();
    expect(after.used).toEqual(before.used);

    // Three variants side by side, each a loaded, different image.
    const images = page.getByRole('img', { name: /^Variante \d/ });
    await expect.poll(() => images.count(), { timeout: 10_000 }).toBe(3);
    const boxes = await images.evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => {
        const box = img.getBoundingClientRect();
        return {
          top: Math.round(box.top),
          left: box.left,
          src: img.src,
          ok: img.complete && img.naturalWidth > 0,
        };
      }),
    );
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    expect(boxes[0]!.left).toBeLessThan(boxes[1]!.left);
    expect(new Set(boxes.map((b) => b.src)).size).toBe(3);
    await expect
      .poll(() =>
        images.evaluateAll((imgs) =>
          (imgs as HTMLImageElement[]).every((i) => i.complete && i.naturalWidth > 0),
        ),
      )
      .toBe(true);

    await page.getByRole('button', { name: 'Choisir : Variante 2 (bold)' }).click();
    await page.getByRole('button', { name: 'Choisie : Variante 2 (bold)' }).waitFor();
    expect(await page.getByRole('button', { name: /Variante 2/ }).getAttribute('aria-pressed')).toBe('true');
    const { rows } = await real.app.db.query('select chosen_variant from orders where id = $1', [
      variantsOrderId,
    ]);
    expect(rows[0]!.chosen_variant).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('in the widget: the proposal offers the earlier visual and reuses it for free; variants asked for in words are shown and chosen', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${real.baseUrl}/v1/health`);
    await page.setContent('<!doctype html><html lang="fr"><body></body></html>');
    await page.evaluate(
      (harness) => {
        window.widgetHarness = harness;
      },
      { token: real.user.token, brandId: real.brandId },
    );
    await page.addScriptTag({ content: widgetBundle, type: 'module' });
    const say = async (text: string) => {
      const input = page.locator('alfie-widget .composer input');
      await input.fill(text);
      await input.press('Enter');
    };
    const quota = async () =>
      (await (await real.app.request(`/v1/quotas/${real.brandId}`, { headers: real.user.headers })).json())
        .used;
    const newest = async () => {
      const { rows } = await real.app.db.query<{ id: string }>(
        'select id from orders where brand_id = $1 order by created_at desc limit 1',
        [real.brandId],
      );
      return rows[0]!.id;
    };

    await say('Une image sur les soldes d’hiver');
    const day = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(),
    );
    const offer = page.getByRole('group', { name: `Vous avez déjà un visuel proche (${day})` });
    await offer.waitFor();
    // The offer's two choices stand in for the proposal's own confirm button.
    expect(await page.getByRole('button', { name: 'Lancer la création' }).count()).toBe(0);
    expect(await offer.getByRole('img', { name: 'Votre visuel précédent' }).count()).toBe(1);
    const used = await quota();
    const before = await newest();
    await offer.getByRole('button', { name: 'Réutiliser gratuitement' }).click();
    await page.getByText('Réutilisé gratuitement').waitFor();
    const reusedId = await newest();
    expect(reusedId).not.toBe(before);
    const reused = await (
      await real.app.request(`/v1/orders/${reusedId}`, { headers: real.user.headers })
    ).json();
    expect(reused).toMatchObject({ status: 'completed', reusedFromOrderId: expect.any(String) });
    expect(await quota()).toEqual(used);

    await say('Une image sur la fête des mères en 3 variantes');
    await page.getByText('3 variantes = 3 images').waitFor();
    await page.getByRole('button', { name: 'Lancer la création' }).click();
    const images = page.getByRole('img', { name: /^Variante \d/ });
    await expect.poll(() => images.count(), { timeout: 30_000 }).toBe(3);
    const variantsId = await newest();
    const { rows: ordered } = await real.app.db.query('select variant_count from orders where id = $1', [
      variantsId,
    ]);
    expect(ordered[0]!.variant_count).toBe(3);
    await page.getByRole('button', { name: 'Choisir : Variante 3 (minimal)' }).click();
    await page.getByRole('button', { name: 'Choisie : Variante 3 (minimal)' }).waitFor();
    const { rows } = await real.app.db.query('select chosen_variant from orders where id = $1', [variantsId]);
    expect(rows[0]!.chosen_variant).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
