// @vitest-environment happy-dom
// <Extra> as the script-tag panel has it: the extras arrive late (alfie-widget-extras.js), or not at
// all, with their rules. The real file and its loading are covered by the Chromium test
// (embed.e2e.test.ts); the library's path (extras with the panel) by widget.test.tsx.
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const source = vi.hoisted(() => ({
  now: undefined as object | undefined,
  load: vi.fn<() => Promise<object>>(),
  adopt: vi.fn(),
}));
vi.mock('../src/ui/extras-source.js', () => ({
  extrasNow: () => source.now,
  loadExtras: () => source.load(),
  extrasApart: true,
}));
vi.mock('../src/styles.js', () => ({ adoptStyles: source.adopt }));

const { Extra } = await import('../src/ui/Extra.js');
const HelpAnswer = () => <p>help answer</p>;
const extras = { HelpAnswer, css: '.lib{gap:8px}' };

afterEach(() => {
  source.now = undefined;
  source.load.mockReset();
  source.adopt.mockReset();
});

/** A widget's shadow root to render into, as the script tag mounts one. */
function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  document.body.appendChild(host);
  return host.attachShadow({ mode: 'open' });
}

describe('Extra', () => {
  it('shows the part once its file is in, styled, and tells the message list to follow it', async () => {
    let arrive = (_: object) => {};
    source.load.mockReturnValue(new Promise((resolve) => (arrive = resolve)));
    const root = shadowRoot();
    // What MessageList's onLoadCapture listens to (happy-dom has no `onload` on a div, so Preact
    // would not register the capture listener here: a native one stands in).
    const loads = vi.fn();
    root.addEventListener('load', loads, true);
    render(<Extra name="HelpAnswer" props={{}} />, { container: root as unknown as HTMLElement });
    expect(root.textContent).toBe('');
    expect(source.load).toHaveBeenCalledTimes(1);
    arrive(extras);
    await waitFor(() => expect(root.textContent).toBe('help answer'));
    expect(source.adopt).toHaveBeenCalledExactlyOnceWith(root, extras.css);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('shows at once when the extras are here already; each shadow root gets their rules once', () => {
    source.now = extras;
    const root = shadowRoot();
    const other = shadowRoot();
    render(<Extra name="HelpAnswer" props={{}} />, { container: root as unknown as HTMLElement });
    render(<Extra name="HelpAnswer" props={{}} />, { container: root as unknown as HTMLElement });
    render(<Extra name="HelpAnswer" props={{}} />, { container: other as unknown as HTMLElement });
    expect(root.textContent).toBe('help answer');
    expect(source.load).not.toHaveBeenCalled();
    expect(source.adopt.mock.calls).toEqual([
      [root, extras.css],
      [other, extras.css],
    ]);
  });

  it('shows nothing when the file cannot be fetched, and the next one tries again', async () => {
    source.load.mockRejectedValue(new Error('offline'));
    const first = render(<Extra name="HelpAnswer" props={{}} />);
    await waitFor(() => expect(source.load).toHaveBeenCalledTimes(1));
    expect(first.container.textContent).toBe('');
    render(<Extra name="HelpAnswer" props={{}} />);
    expect(source.load).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('help answer')).toBeNull();
  });
});
