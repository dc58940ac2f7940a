import { EventStreams } from '@alfie/test-kit/event-stream';
import { makeAsset, makeOrder } from '@alfie/test-kit/fixtures';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useLibrary, useOrders } from '../src/index.js';
import { BASE_URL, renderWithAlfie } from './helpers/render.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

/** The user-wide event stream that live pagers listen to. */
function serveEvents() {
  const streams = new EventStreams();
  server.use(http.get(`${BASE_URL}/v1/events`, ({ request }) => streams.respond(request)));
  return streams;
}

function Orders({ live }: { live?: boolean }) {
  const { items, status, hasNextPage, fetchNextPage, isFetchingNextPage } = useOrders({
    brandId: 'brand-1',
    live,
  });
  return (
    <div>
      <p data-testid="status">{status}</p>
      <ul>
        {items.map((order) => (
          <li key={order.id}>{order.id}</li>
        ))}
      </ul>
      {hasNextPage && (
        <button type="button" disabled={isFetchingNextPage} onClick={() => fetchNextPage()}>
          More
        </button>
      )}
    </div>
  );
}

function Library({ type }: { type: 'carousel' | 'image' }) {
  const { items } = useLibrary({ brandId: 'brand-1', type });
  return (
    <ul>
      {items.map((entry) => (
        <li key={entry.orderId}>
          {entry.orderId}:{entry.assets.length}
        </li>
      ))}
    </ul>
  );
}

describe('useOrders', () => {
  it('loads the first page on mount (once under StrictMode) and appends the next on fetchNextPage', async () => {
    const queries: string[] = [];
    serveEvents();
    server.use(
      http.get(`${BASE_URL}/v1/orders`, ({ request }) => {
        const url = new URL(request.url);
        queries.push(url.search);
        const second = url.searchParams.get('cursor') === 'c2';
        return HttpResponse.json({
          data: second ? [makeOrder('o3')] : [makeOrder('o1'), makeOrder('o2')],
          nextCursor: second ? null : 'c2',
        });
      }),
    );
    renderWithAlfie(<Orders />, { strict: true });
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['o1', 'o2']),
    );
    expect(queries).toEqual(['?brandId=brand-1']);
    fireEvent.click(screen.getByText('More'));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3));
    expect(screen.queryByText('More')).toBeNull();
    expect(queries).toEqual(['?brandId=brand-1', '?brandId=brand-1&cursor=c2']);
  });
});

describe('live lists', () => {
  it("reload the first page when one of the caller's orders ends, over one stream (StrictMode)", async () => {
    const streams = serveEvents();
    let orders = [makeOrder('o1', { status: 'processing' })];
    const queries: string[] = [];
    server.use(
      http.get(`${BASE_URL}/v1/orders`, ({ request }) => {
        queries.push(new URL(request.url).search);
        return HttpResponse.json({ data: orders, nextCursor: null });
      }),
      http.get(`${BASE_URL}/v1/library`, () => HttpResponse.json({ data: [], nextCursor: null })),
    );
    const view = renderWithAlfie(
      <>
        <Orders />
        <Library type="carousel" />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['o1']));
    await waitFor(() => expect(streams.count('/v1/events')).toBe(1));
    orders = [makeOrder('o2'), makeOrder('o1', { status: 'completed' })];
    act(() =>
      streams.push({ type: 'end', orderId: 'o1', status: 'completed', completedCount: 3, expectedTotal: 3 }),
    );
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['o2', 'o1']),
    );
    expect(queries).toEqual(['?brandId=brand-1', '?brandId=brand-1']);
    expect(streams.count('/v1/events')).toBe(1);
    view.unmount();
    await waitFor(() => expect(streams.count()).toBe(0));
  });

  it('live: false opens no stream', async () => {
    const streams = serveEvents();
    server.use(
      http.get(`${BASE_URL}/v1/orders`, () =>
        HttpResponse.json({ data: [makeOrder('o1')], nextCursor: null }),
      ),
    );
    renderWithAlfie(<Orders live={false} />);
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('o1'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(streams.opened).toEqual([]);
  });
});

describe('useLibrary', () => {
  it('filters by brand and type, and reloads when the filter changes', async () => {
    const queries: string[] = [];
    serveEvents();
    server.use(
      http.get(`${BASE_URL}/v1/library`, ({ request }) => {
        const url = new URL(request.url);
        queries.push(url.search);
        const type = url.searchParams.get('type') ?? 'carousel';
        return HttpResponse.json({
          data: [
            {
              orderId: `${type}-order`,
              brandId: 'brand-1',
              format: type,
              topic: 'Coffee',
              createdAt: '2026-11-27T06:00:00.000Z',
              assets: [makeAsset(`${type}-order`, 0), makeAsset(`${type}-order`, 1)],
            },
          ],
          nextCursor: null,
        });
      }),
    );
    const { rerender } = renderWithAlfie(<Library type="carousel" />);
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('carousel-order:2'));
    rerender(<Library type="image" />);
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toBe('image-order:2'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(queries).toEqual(['?brandId=brand-1&type=carousel', '?brandId=brand-1&type=image']);
  });
});
