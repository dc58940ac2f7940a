// @vitest-environment happy-dom
// <Extra> as the script-tag panel has it: the extras arrive late (alfie-widget-extras.js), or not at
// all. The real file and its loading are covered by the Chromium test (embed.e2e.test.ts).
import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const source = vi.hoisted(() => ({
  now: undefined as object | undefined,
  load: vi.fn<() => Promise<object>>(),
}));
vi.mock('../src/ui/extras-source.js', () => ({
  extrasNow: () => source.now,
  loadExtras: () => source.load(),
}));

const { Extra } = await import('../src/ui/Extra.js');
const HelpAnswer = () => <p>help answer</p>;

afterEach(() => {
  source.now = undefined;
  source.load.mockReset();
});

describe('Extra', () => {
  it('shows the part once its file is in, and tells the message list to follow it', async () => {
    let arrive = (_: object) => {};
    source.load.mockReturnValue(new Promise((resolve) => (arrive = resolve)));
    // What MessageList's onLoadCapture listens to (happy-dom has no `onload` on a div, so Preact
    // would not register the capture listener here: a native one stands in).
    const loads = vi.fn();
    const { container } = render(<Extra name="HelpAnswer" props={{}} />);
    container.addEventListener('load', loads, true);
    expect(screen.queryByText('help answer')).toBeNull();
    expect(source.load).toHaveBeenCalledTimes(1);
    arrive({ HelpAnswer });
    await screen.findByText('help answer');
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it('shows at once, with no marker, when the extras are here already', () => {
    source.now = { HelpAnswer };
    const { container } = render(<Extra name="HelpAnswer" props={{}} />);
    expect(container.innerHTML).toBe('<p>help answer</p>');
    expect(source.load).not.toHaveBeenCalled();
  });

  it('shows nothing when the file cannot be fetched, and the next one tries again', async () => {
    source.load.mockRejectedValue(new Error('offline'));
    const first = render(<Extra name="HelpAnswer" props={{}} />);
    await waitFor(() => expect(source.load).toHaveBeenCalledTimes(1));
    expect(first.container.textContent).toBe('');
    render(<Extra name="HelpAnswer" props={{}} />);
    expect(source.load).toHaveBeenCalledTimes(2);
  });
});
