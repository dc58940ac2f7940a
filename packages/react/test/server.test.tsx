import { createAlfieClient } from '@alfie/core';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlfieProvider, useGenerate, useOrder, useQuota } from '../src/index.js';

function CarouselOrder({ brandId }: { brandId: string }) {
  const { generate, data, status, error } = useGenerate();
  const order = useOrder(data?.orderId);
  const quota = useQuota(brandId);
  return (
    <div>
      <button
        type="button"
        onClick={() => generate({ format: 'carousel', count: 3, topic: 'Coffee rituals', brandId })}
      >
        Generate
      </button>
      <p data-testid="generate">
        {status}
        {error ? `:${error.code}` : ''}
      </p>
      <p data-testid="order">
        {order.status ?? 'none'}:{order.progress.completed}/{order.progress.expected}
      </p>
      <p data-testid="quota">
        {quota.remaining ? `${quota.remaining.images}/${quota.limits?.images}` : quota.status}
      </p>
      <ol>
        {order.assets.map((asset) => (
          <li key={asset.id} data-url={asset.url}>
            {asset.slideIndex}
          </li>
        ))}
      </ol>
    </div>
  );
}

function renderAgainst(server: RealServer) {
  const client = createAlfieClient({ baseUrl: server.baseUrl, token: server.user.token });
  return render(
    <StrictMode>
      <AlfieProvider client={client}>
        <CarouselOrder brandId={server.brandId} />
      </AlfieProvider>
    </StrictMode>,
  );
}

const slideIndexes = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

describe('against the real server (in-process app, worker, PostgreSQL, local engines)', () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startRealServer({ latencyMs: 2500 });
  }, 60_000);
  afterAll(() => server?.close());

  it('orders a carousel and sees every slide arrive, the order end and the quota settle', async () => {
    const { unmount } = renderAgainst(server);
    await waitFor(() => expect(screen.getByTestId('quota').textContent).toMatch(/^\d+\/\d+$/));
    const [before, limit] = screen.getByTestId('quota').textContent!.split('/').map(Number);

    fireEvent.click(screen.getByText('Generate'));
    await waitFor(() => expect(screen.getByTestId('order').textContent).toBe('completed:3/3'), {
      timeout: 30_000,
    });
    expect(slideIndexes()).toEqual(['0', '1', '2']);
    expect(screen.getByTestId('generate').textContent).toBe('success');
    // Quota refreshed by itself when the order ended: three images spent.
    await waitFor(() => expect(screen.getByTestId('quota').textContent).toBe(`${before! - 3}/${limit}`));
    // The slides are real files served by the server.
    const first = screen.getAllByRole('listitem')[0]!.getAttribute('data-url')!;
    const file = await fetch(first);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^image\//);

    unmount();
    await waitFor(() => expect(server.openStreams()).toBe(0));
  }, 40_000);

  it('unmounting mid-order leaves no open stream on the server', async () => {
    const { unmount } = renderAgainst(server);
    fireEvent.click(screen.getByText('Generate'));
    await waitFor(() => expect(screen.getByTestId('order').textContent).toMatch(/^processing/), {
      timeout: 20_000,
    });
    // The order stream and the quota's /v1/events stream, each opened once despite StrictMode.
    await waitFor(() => expect(server.openStreams()).toBe(2));
    const status = screen.getByTestId('order').textContent;
    expect(status).not.toMatch(/^completed/);
    unmount();
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    await waitFor(() => expect(server.openStreams()).toBe(0));
  }, 40_000);
});
