// @vitest-environment happy-dom
// The script-tag build loads the conversation panel on demand. These tests drive that path with the
// real panel module handed over late (or not at all), standing in for the <script> the browser loads;
// the real file and its loading are covered by the Chromium test (embed.e2e.test.ts).
import { fireEvent, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AlfieWidget, createMount, type PanelModule } from '../src/mount.js';
import * as panel from '../src/panel.js';
import { API, BRAND, createFakeApi } from './fake-api.js';
import { destroyAll, fakeToken, mountForTest, say } from './helpers.js';

const api = createFakeApi();
const server = setupServer(...api.handlers);
const mounted: AlfieWidget[] = [];

/** The page's idle callbacks, run only when a test says so. */
let idle: Array<() => void> = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  idle = [];
  vi.stubGlobal('requestIdleCallback', (task: () => void) => idle.push(task));
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    idle[id - 1] = () => {};
  });
});
afterEach(() => {
  destroyAll(mounted);
  localStorage.clear();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());

/** A panel source whose loads the test settles by hand, counting them. */
function latePanel() {
  const loads: Array<{ resolve(module: PanelModule): void; reject(error: Error): void }> = [];
  const source = () =>
    new Promise<PanelModule>((resolve, reject) => {
      loads.push({ resolve, reject });
    });
  return { source, loads };
}

async function mountLate(source: () => Promise<PanelModule>) {
  const widget = createMount(source)({ apiUrl: API, brandId: BRAND, token: fakeToken(), locale: 'fr' });
  mounted.push(widget);
  await widget.ready;
  const root = widget.host.shadowRoot!.querySelector('div') as HTMLElement;
  return { widget, root, screen: within(root), user: userEvent.setup({ document }) };
}

describe('the panel loaded on demand', () => {
  it('opens on a click made before the panel arrived, with a loading state, and loads it once', async () => {
    const { source, loads } = latePanel();
    const { screen, user, widget } = await mountLate(source);
    const launcher = screen.getByRole('button', { name: 'Ouvrir le chat Alfie' });
    expect(loads.length).toBe(0); // nothing fetched before a trigger (the page is never idle here)
    fireEvent.pointerEnter(launcher); // hover: a click is likely, start fetching
    expect(loads.length).toBe(1);
    await user.click(launcher);
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    const waiting = screen.getByRole('dialog', { name: 'Alfie' });
    expect(waiting.getAttribute('aria-busy')).toBe('true');
    expect(within(waiting).getByRole('status').textContent).toBe('Chargement…');
    expect(loads.length).toBe(1); // hover, focus and click share one load
    const shadow = widget.host.shadowRoot!;
    expect(shadow.adoptedStyleSheets.length).toBe(1); // the conversation's rules come with its code

    loads[0]!.resolve(panel);
    const input = await screen.findByRole('textbox', { name: 'Votre message' });
    expect(shadow.adoptedStyleSheets.length).toBe(2);
    await waitFor(() => expect(widget.host.shadowRoot!.activeElement).toBe(input));
    screen.getByText(/Bonjour ! Décrivez le visuel voulu/);
    await say({ root: screen.getByRole('dialog').parentElement!, user }, 'Il me reste combien ?');
    await screen.findByText(/37 images/);
    expect(loads.length).toBe(1);
  });

  it('fetches the panel when the page is idle, and never after destroy()', async () => {
    const { source, loads } = latePanel();
    const { widget } = await mountLate(source);
    expect(loads.length).toBe(0);
    expect(idle.length).toBe(1);
    idle[0]!();
    expect(loads.length).toBe(1);

    const other = latePanel();
    const second = await mountLate(other.source);
    second.widget.destroy();
    for (const task of idle) task(); // cancelled by destroy()
    expect(other.loads.length).toBe(0);
    widget.destroy();
  });

  it('says when the panel cannot load, reports it, and tries again on the next open', async () => {
    const { source, loads } = latePanel();
    const { screen, user, widget } = await mountLate(source);
    const errors: string[] = [];
    widget.on('error', ({ code }) => errors.push(code));
    widget.open();
    expect(loads.length).toBe(1);
    loads[0]!.reject(new Error('404'));
    await screen.findByText('Le chat ne se charge pas. Vérifiez votre connexion, puis rouvrez-le.');
    expect(errors).toEqual(['PANEL_LOAD_FAILED']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    widget.open();
    expect(loads.length).toBe(2);
    await screen.findByText('Chargement…');
    loads[1]!.resolve(panel);
    await screen.findByRole('textbox', { name: 'Votre message' });
  });

  it('loads the panel at once, without any interaction, when stored orders are still running', async () => {
    const first = await mountForTest();
    mounted.push(first.widget);
    await first.user.click(first.screen.getByRole('button', { name: 'Ouvrir le chat Alfie' }));
    await say(first, 'Crée une image sur le vélo');
    await say(first, 'oui');
    await waitFor(() => expect(api.state.openStreams).toBe(1));
    first.widget.destroy(); // the "reload"
    await waitFor(() => expect(api.state.openStreams).toBe(0));

    const { source, loads } = latePanel();
    const widget = createMount(source)({ apiUrl: API, brandId: BRAND, token: fakeToken(), locale: 'fr' });
    mounted.push(widget);
    let ready = false;
    void widget.ready.then(() => {
      ready = true;
    });
    await waitFor(() => expect(loads.length).toBe(1));
    expect(idle).toEqual([]); // not an idle-time prefetch: ready waits for the panel
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    loads[0]!.resolve(panel);
    await widget.ready;
    // Watching resumed while the panel stays closed.
    await waitFor(() => expect(api.state.openStreams).toBe(1));
    const completed: string[] = [];
    widget.on('order:completed', ({ orderId }) => completed.push(orderId));
    const orderId = `order-${api.state.generateCalls.length}`;
    api.deliver(orderId);
    api.finish(orderId);
    await waitFor(() => expect(completed).toEqual([orderId]));
  });

  it('without a brandId, loads the panel at once and looks the brand up through its client, with the token set meanwhile', async () => {
    const { source, loads } = latePanel();
    const widget = createMount(source)({ apiUrl: API, token: 'old-token', locale: 'fr' });
    mounted.push(widget);
    await waitFor(() => expect(loads.length).toBe(1));
    expect(idle).toEqual([]); // the brand is needed to restore the conversation: no waiting for idle time
    widget.setToken('new-token'); // before the panel (and so the client) exists
    loads[0]!.resolve(panel);
    await widget.ready;
    widget.open();
    const root = widget.host.shadowRoot!.querySelector('div') as HTMLElement;
    const screen = within(root);
    await screen.findByRole('textbox', { name: 'Votre message' });
    await say({ root, user: userEvent.setup({ document }) }, 'Il me reste combien ?');
    await screen.findByText(/37 images/); // the quota of the looked-up brand
    expect(api.state.lastAuthorization).toBe('Bearer new-token');
  });
});
