// @vitest-environment happy-dom
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AlfieWidget } from '../src/index.js';
import { createFakeApi, quotaWith } from './fake-api.js';
import { destroyAll, fakeToken, mountForTest, say } from './helpers.js';

const api = createFakeApi();
const server = setupServer(...api.handlers);
const mounted: AlfieWidget[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  destroyAll(mounted);
  localStorage.clear();
  api.state.quota = quotaWith(37);
  api.state.generateError = null;
  api.state.unauthorized = false;
  api.state.streamsDown = false;
  api.state.generateDown = false;
});
afterAll(() => server.close());

async function open(options = {}) {
  const ctx = await mountForTest(options);
  mounted.push(ctx.widget);
  await ctx.user.click(ctx.screen.getByRole('button', { name: /ouvrir le chat|open the alfie chat/i }));
  return ctx;
}

describe('mounting', () => {
  it('lives in a shadow root styled by a constructable stylesheet, never a <style> element', async () => {
    const { widget, root } = await mountForTest();
    mounted.push(widget);
    const shadow = root.getRootNode() as ShadowRoot;
    expect(widget.host.tagName).toBe('ALFIE-WIDGET');
    // The launcher's sheet, then the conversation's (it comes with the panel's code).
    expect(shadow.adoptedStyleSheets.length).toBe(2);
    expect(shadow.querySelector('style')).toBeNull();
    expect(document.querySelector('style')).toBeNull();
  });

  it('opens on the launcher, focuses the input, closes on Escape and gives focus back', async () => {
    const { widget, screen, user } = await mountForTest();
    mounted.push(widget);
    const events: string[] = [];
    widget.on('open', () => events.push('open'));
    widget.on('close', () => events.push('close'));
    const launcher = screen.getByRole('button', { name: 'Ouvrir le chat Alfie' });
    await user.click(launcher);
    const input = screen.getByRole('textbox', { name: 'Votre message' });
    expect(screen.getByRole('dialog', { name: 'Alfie' })).toBeTruthy();
    await waitFor(() => expect((widget.host.shadowRoot as ShadowRoot).activeElement).toBe(input));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect((widget.host.shadowRoot as ShadowRoot).activeElement).toBe(launcher));
    expect(events).toEqual(['open', 'close']);
  });

  it('asks the host page for tokens through getToken', async () => {
    const token = fakeToken('host-user');
    await open({ token: undefined, getToken: () => Promise.resolve(token) });
    await waitFor(() => expect(api.state.lastAuthorization).toBe(`Bearer ${token}`));
    // The conversation is stored under the callback token's user.
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    expect(keys.some((key) => key?.includes(':host-user:'))).toBe(true);
  });

  it('applies brand colour, z-index, position and theme', async () => {
    const { widget, root } = await mountForTest({
      color: '#facc15',
      zIndex: 42,
      position: 'bottom-left',
      theme: 'dark',
    });
    mounted.push(widget);
    expect(widget.host.style.getPropertyValue('--alfie-accent')).toBe('#facc15');
    // Yellow is light: the text on it turns dark to keep AA contrast.
    expect(widget.host.style.getPropertyValue('--alfie-on-accent')).toBe('#0f172a');
    expect(widget.host.style.getPropertyValue('--alfie-z-index')).toBe('42');
    const app = root.querySelector('.alfie')!;
    expect(app.getAttribute('data-position')).toBe('bottom-left');
    expect(app.getAttribute('data-theme')).toBe('dark');
  });

  it('keeps two instances apart and destroy() leaves nothing behind', async () => {
    const a = await open({ instanceId: 'a' });
    const b = await open({ instanceId: 'b', locale: 'en' });
    expect(document.querySelectorAll('alfie-widget').length).toBe(2);
    await say(a, 'Crée un carrousel de 3 slides sur le vélo');
    await a.screen.findByRole('form');
    expect(b.screen.queryByRole('form')).toBeNull();
    await a.user.click(a.screen.getByRole('button', { name: 'Lancer la création' }));
    await waitFor(() => expect(api.state.openStreams).toBe(1));
    a.widget.destroy();
    b.widget.destroy();
    expect(document.querySelectorAll('alfie-widget').length).toBe(0);
    await waitFor(() => expect(api.state.openStreams).toBe(0));
  });
});

describe('the conversation', () => {
  it('proposes an editable card with the quota cost, confirms on "oui" and shows slides as they arrive', async () => {
    const ctx = await open();
    const { screen, widget } = ctx;
    const created: string[] = [];
    const completed: string[] = [];
    widget.on('order:created', ({ orderId }) => created.push(orderId));
    widget.on('order:completed', ({ orderId }) => completed.push(orderId));

    await say(ctx, 'Crée un carrousel de 3 slides sur le vélo');
    const card = await screen.findByRole('form', { name: 'Voici ce que je propose' });
    const cardQueries = within(card);
    expect((cardQueries.getByLabelText('Format') as HTMLSelectElement).value).toBe('carousel');
    expect((cardQueries.getByLabelText('Slides') as HTMLInputElement).value).toBe('3');
    expect((cardQueries.getByLabelText('Format (ratio)') as HTMLSelectElement).value).toBe('4:5');
    expect((cardQueries.getByLabelText('Sujet') as HTMLTextAreaElement).value).toBe('le vélo');
    await cardQueries.findByText('3 images · 37 restantes ce mois');

    // Every field can be changed before confirming.
    const slides = cardQueries.getByLabelText('Slides') as HTMLInputElement;
    slides.value = '4';
    slides.dispatchEvent(new Event('change', { bubbles: true }));
    await cardQueries.findByText('4 images · 37 restantes ce mois');

    await say(ctx, 'oui');
    await waitFor(() =>
      expect(api.state.generateCalls.at(-1)).toMatchObject({ format: 'carousel', count: 4 }),
    );
    const orderId = `order-${api.state.generateCalls.length}`;
    await waitFor(() => expect(created).toEqual([orderId]));
    await waitFor(() => expect(api.state.openStreams).toBe(1));

    api.deliver(orderId);
    api.deliver(orderId);
    await waitFor(() =>
      expect(ctx.root.querySelectorAll('[aria-roledescription="slide"] img').length).toBe(2),
    );
    expect(screen.getByText('2 sur 4 prêtes')).toBeTruthy();
    api.deliver(orderId);
    api.deliver(orderId);
    api.finish(orderId);
    await screen.findAllByText('Votre carrousel est prêt.');
    expect(completed).toEqual([orderId]);

    // The viewer: labelled slides, prev/next, dots, arrow keys, download buttons.
    const viewer = screen.getByRole('region', { name: 'Carrousel : le vélo' });
    const visible = () =>
      [...viewer.querySelectorAll('[aria-roledescription="slide"]')].find((s) => !s.hasAttribute('hidden'));
    await waitFor(() => expect(visible()?.getAttribute('aria-label')).toBe('Slide 4 sur 4'));
    await ctx.user.click(within(viewer).getByRole('button', { name: 'Aller à la slide 1' }));
    expect(visible()?.getAttribute('aria-label')).toBe('Slide 1 sur 4');
    // Each button fetches through the API (with the token) and saves the file under the server's name.
    const saved: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href.startsWith('blob:')}`);
    };
    try {
      for (const name of ['Télécharger la slide 1', 'Toutes les slides (ZIP)', 'PDF (LinkedIn)'])
        await ctx.user.click(within(viewer).getByRole('button', { name }));
      await waitFor(() => expect(saved).toHaveLength(3));
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(api.state.downloads.map((call) => call.split(' ').slice(0, 2).join(' '))).toEqual([
      `GET /v1/orders/${orderId}/assets/${orderId}-asset-0/download`,
      `GET /v1/orders/${orderId}/download/zip`,
      `GET /v1/orders/${orderId}/download/pdf`,
    ]);
    expect(api.state.downloads[0]).toMatch(/ Bearer /);
    expect(saved).toEqual([
      'Marque - le vélo - slide 1.png true',
      'Marque - le vélo.zip true',
      'Marque - le vélo.pdf true',
    ]);
    await ctx.user.click(within(viewer).getByRole('button', { name: 'Slide suivante' }));
    expect(visible()?.getAttribute('aria-label')).toBe('Slide 2 sur 4');
    viewer.focus();
    await ctx.user.keyboard('{ArrowRight}');
    expect(visible()?.getAttribute('aria-label')).toBe('Slide 3 sur 4');
    await ctx.user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(visible()?.getAttribute('aria-label')).toBe('Slide 1 sur 4');
    expect(within(viewer).getByRole('button', { name: 'Slide précédente' }).hasAttribute('disabled')).toBe(
      true,
    );
    // Swipe left: next slide.
    const stage = viewer.querySelector('.stage')!;
    fireEvent.pointerDown(stage, { clientX: 220 });
    fireEvent.pointerUp(stage, { clientX: 100 });
    await waitFor(() => expect(visible()?.getAttribute('aria-label')).toBe('Slide 2 sur 4'));
  });

  it('shows a video with its progress, then the player with a poster and a download link', async () => {
    const ctx = await open();
    await say(ctx, 'Crée une vidéo de 15 secondes sur le vélo');
    await ctx.screen.findByText(/1 vidéo · 15 restantes ce mois · 2 Woofs/);
    await say(ctx, 'oui');
    await waitFor(() => expect(api.state.openStreams).toBe(1));
    const orderId = `order-${api.state.generateCalls.length}`;
    expect(ctx.screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    api.deliver(orderId);
    api.finish(orderId);
    await ctx.screen.findAllByText('Votre vidéo est prête.');
    const video = ctx.root.querySelector('video')!;
    expect(video.getAttribute('poster')).toBe(`http://alfie.test/files/${orderId}-poster.png`);
    expect(video.getAttribute('aria-label')).toBe('Vidéo : le vélo');
    expect(ctx.screen.getByRole('button', { name: 'Télécharger' })).toBeTruthy();
  });

  it('asks for a missing topic and takes the next message as the topic', async () => {
    const ctx = await open();
    await say(ctx, 'fais-moi un carrousel');
    await ctx.screen.findByText(/Sur quel sujet/);
    expect(ctx.screen.getByRole('button', { name: 'Lancer la création' }).hasAttribute('disabled')).toBe(
      true,
    );
    await say(ctx, 'les tendances marketing 2025');
    await waitFor(() =>
      expect((ctx.screen.getByLabelText('Sujet') as HTMLTextAreaElement).value).toBe(
        'les tendances marketing 2025',
      ),
    );
    expect(ctx.screen.getByRole('button', { name: 'Lancer la création' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('cancels on "non"', async () => {
    const ctx = await open();
    const before = api.state.generateCalls.length;
    await say(ctx, 'Une image sur le café');
    await ctx.screen.findByRole('form');
    await say(ctx, 'non');
    await ctx.screen.findByText('Proposition annulée');
    expect(ctx.screen.queryByRole('form')).toBeNull();
    expect(api.state.generateCalls.length).toBe(before);
  });

  it('shows a topic as text, never as HTML', async () => {
    const ctx = await open();
    await say(ctx, 'Crée une image sur <img src=x onerror=alert(1)>');
    await ctx.screen.findByRole('form');
    expect(ctx.root.querySelector('img[src="x"]')).toBeNull();
    expect(ctx.screen.getAllByText(/<img src=x onerror=alert\(1\)>/).length).toBeGreaterThan(0);
  });

  it('answers quota, library and help questions', async () => {
    const ctx = await open();
    await say(ctx, 'combien il me reste ?');
    await ctx.screen.findByText('37 images');
    expect(ctx.screen.getByText('Renouvellement le 1er décembre.')).toBeTruthy();
    await say(ctx, 'que peux-tu faire ?');
    await ctx.screen.findByText('un carrousel de 2 à 10 slides');
    await say(ctx, 'montre mes créations');
    await ctx.screen.findByText('Rien encore. Demandez votre premier visuel !');
  });

  it('speaks English when asked', async () => {
    const ctx = await open({ locale: 'en' });
    await say(ctx, 'Create a 3 slide carousel about cycling');
    await ctx.screen.findByText('3 images · 37 left this month');
    expect(ctx.screen.getByRole('button', { name: 'Create it' })).toBeTruthy();
  });
});

describe('errors', () => {
  it('explains an exceeded quota with what remains and the reset date', async () => {
    const ctx = await open();
    api.state.generateError = {
      status: 402,
      code: 'QUOTA_EXCEEDED',
      message: 'Quota exceeded',
      details: {
        remaining: { images: 2, videos: 0, woofs: 0 },
        requested: { images: 5, videos: 0, woofs: 0 },
        resetsAt: '2026-12-01T00:00:00.000Z',
      },
    };
    await say(ctx, 'Crée 5 images sur le vélo');
    await ctx.user.click(await ctx.screen.findByRole('button', { name: 'Lancer la création' }));
    const alert = await ctx.screen.findByRole('alert');
    expect(alert.textContent).toContain('il vous reste 2 images, 0 vidéo et 0 Woof');
    expect(alert.textContent).toContain('renouvellement le 1er décembre');
    // The refused proposal opens again, so the request can be made smaller.
    expect(ctx.screen.getByRole('button', { name: 'Lancer la création' })).toBeTruthy();
  });

  it('offers a retry after a failed order, and the retry orders again', async () => {
    const ctx = await open();
    const failed: string[] = [];
    ctx.widget.on('order:failed', ({ orderId, status }) => failed.push(`${orderId}:${status}`));
    await say(ctx, 'Crée une image sur le vélo');
    await say(ctx, 'ok');
    await waitFor(() => expect(api.state.openStreams).toBe(1));
    const orderId = `order-${api.state.generateCalls.length}`;
    api.finish(orderId, 'failed');
    await ctx.screen.findAllByText(/La création a échoué/);
    expect(failed).toEqual([`${orderId}:failed`]);
    const before = api.state.generateCalls.length;
    await ctx.user.click(ctx.screen.getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(api.state.generateCalls.length).toBe(before + 1));
  });

  it('says the session expired on a 401', async () => {
    const ctx = await open();
    api.state.unauthorized = true;
    await say(ctx, 'Crée une image sur le vélo');
    await say(ctx, 'oui');
    const alert = await ctx.screen.findByRole('alert');
    expect(alert.textContent).toContain('Votre session a expiré');
  });
});

describe('network', () => {
  it('says the server is unreachable and retries on demand', async () => {
    const ctx = await open();
    api.state.generateDown = true;
    await say(ctx, 'Crée une image sur le vélo');
    await say(ctx, 'oui');
    const alert = await ctx.screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert.textContent).toContain('Impossible de joindre le serveur');
    api.state.generateDown = false;
    const before = api.state.generateCalls.length;
    await ctx.user.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await waitFor(() => expect(api.state.generateCalls.length).toBe(before + 1));
    await waitFor(() => expect(api.state.openStreams).toBe(1));
  });

  it('shows "reconnecting" while the live stream is down, then carries on', async () => {
    const ctx = await open();
    api.state.streamsDown = true;
    await say(ctx, 'Crée un carrousel de 2 slides sur le vélo');
    await say(ctx, 'oui');
    await ctx.screen.findByText('Connexion perdue, reconnexion…', {}, { timeout: 4000 });
    api.state.streamsDown = false;
    await waitFor(() => expect(api.state.openStreams).toBe(1), { timeout: 4000 });
    expect(ctx.screen.queryByText('Connexion perdue, reconnexion…')).toBeNull();
    const orderId = `order-${api.state.generateCalls.length}`;
    api.deliver(orderId);
    api.deliver(orderId);
    api.finish(orderId);
    await ctx.screen.findAllByText('Votre carrousel est prêt.');
  });
});

describe('persistence', () => {
  it('restores the conversation after a reload and resumes watching the running order', async () => {
    const first = await open();
    await say(first, 'Crée un carrousel de 3 slides sur le vélo');
    await say(first, 'oui');
    await waitFor(() => expect(api.state.openStreams).toBe(1));
    const orderId = `order-${api.state.generateCalls.length}`;
    api.deliver(orderId);
    await waitFor(() =>
      expect(first.root.querySelectorAll('[aria-roledescription="slide"] img').length).toBe(1),
    );
    first.widget.destroy(); // the "reload"
    await waitFor(() => expect(api.state.openStreams).toBe(0));

    api.deliver(orderId); // delivered while nobody watched
    const second = await open();
    await second.screen.findByText('Crée un carrousel de 3 slides sur le vélo');
    await waitFor(() =>
      expect(second.root.querySelectorAll('[aria-roledescription="slide"] img').length).toBe(2),
    );
    api.deliver(orderId);
    api.finish(orderId);
    await second.screen.findAllByText('Votre carrousel est prêt.');
  });
});
