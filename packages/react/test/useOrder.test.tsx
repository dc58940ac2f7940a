import type { WatchSnapshot } from '@alfie/core';
import { EventStreams } from '@alfie/test-kit/event-stream';
import { makeDetail, slideDone } from '@alfie/test-kit/fixtures';
import { act, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useOrder } from '../src/index.js';
import { BASE_URL, renderWithAlfie } from './helpers/render.js';

const server = setupServer();
let streams: EventStreams;
let detailRequests: number;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function serveOrder(id: string) {
  streams = new EventStreams();
  detailRequests = 0;
  server.use(
    http.get(`${BASE_URL}/v1/orders/${id}`, () => {
      detailRequests++;
      return HttpResponse.json(makeDetail(id));
    }),
    http.get(`${BASE_URL}/v1/orders/${id}/events`, ({ request }) => streams.respond(request)),
  );
}

function Progress({
  orderId,
  onCompleted,
}: {
  orderId: string | null;
  onCompleted?: (s: WatchSnapshot) => void;
}) {
  const order = useOrder(orderId, { onCompleted });
  return (
    <div>
      <p data-testid="status">{order.status ?? 'none'}</p>
      <p data-testid="connection">{order.connection}</p>
      <p data-testid="progress">
        {order.progress.completed}/{order.progress.expected}
      </p>
      <ol>
        {order.assets.map((asset) => (
          <li key={asset.id}>{asset.slideIndex}</li>
        ))}
      </ol>
    </div>
  );
}

function Disabled() {
  const order = useOrder('o5', { enabled: false });
  return <p data-testid="connection">{order.connection}</p>;
}

/** Lets core's deferred stream close (a setTimeout 0 that keeps StrictMode remounts on one stream) run. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('useOrder', () => {
  it('follows an order live: slides arrive sorted, progress counts, onCompleted fires once, the stream closes', async () => {
    serveOrder('o1');
    const onCompleted = vi.fn();
    renderWithAlfie(<Progress orderId="o1" onCompleted={onCompleted} />);
    await waitFor(() => expect(screen.getByTestId('connection').textContent).toBe('live'));
    expect(screen.getByTestId('status').textContent).toBe('processing');

    // Slides finish out of order; the list stays sorted by slide.
    for (const index of [2, 0]) for (const event of slideDone('o1', index)) act(() => streams.push(event));
    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['0', '2']),
    );
    expect(screen.getByTestId('progress').textContent).toBe('2/3');

    for (const event of slideDone('o1', 1)) act(() => streams.push(event));
    act(() =>
      streams.push({ type: 'end', orderId: 'o1', status: 'completed', completedCount: 3, expectedTotal: 3 }),
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('completed'));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['0', '1', '2']);
    await waitFor(() => expect(onCompleted).toHaveBeenCalledTimes(1));
    expect(onCompleted.mock.calls[0]![0]).toMatchObject({ orderId: 'o1', status: 'completed', done: true });
    await settle();
    expect(streams.count()).toBe(0);
    expect(onCompleted).toHaveBeenCalledTimes(1);
  });

  it('shares one connection between two components watching the same order', async () => {
    serveOrder('o2');
    renderWithAlfie(
      <>
        <Progress orderId="o2" />
        <Progress orderId="o2" />
      </>,
    );
    await waitFor(() =>
      expect(screen.getAllByTestId('connection').map((el) => el.textContent)).toEqual(['live', 'live']),
    );
    await settle();
    expect(streams.count()).toBe(1);
    for (const event of slideDone('o2', 0)) act(() => streams.push(event));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  });

  it('under StrictMode double mount, ends with exactly one open stream', async () => {
    serveOrder('o3');
    renderWithAlfie(<Progress orderId="o3" />, { strict: true });
    await waitFor(() => expect(screen.getByTestId('connection').textContent).toBe('live'));
    await settle();
    expect(streams.count()).toBe(1);
    expect(streams.opened).toHaveLength(1);
  });

  it('unmounting mid-order leaves no open stream', async () => {
    serveOrder('o4');
    const { unmount } = renderWithAlfie(<Progress orderId="o4" />);
    await waitFor(() => expect(streams.count()).toBe(1));
    for (const event of slideDone('o4', 0)) act(() => streams.push(event));
    unmount();
    await settle();
    expect(streams.count()).toBe(0);
  });

  it('switching to another order closes the first stream and opens the second', async () => {
    serveOrder('o6');
    const first = streams;
    server.use(
      http.get(`${BASE_URL}/v1/orders/o7`, () => HttpResponse.json(makeDetail('o7'))),
      http.get(`${BASE_URL}/v1/orders/o7/events`, ({ request }) => first.respond(request)),
    );
    const { rerender } = renderWithAlfie(<Progress orderId="o6" />);
    await waitFor(() => expect(first.count('/v1/orders/o6/events')).toBe(1));
    rerender(<Progress orderId="o7" />);
    await waitFor(() => expect(first.count('/v1/orders/o7/events')).toBe(1));
    await settle();
    expect(first.count('/v1/orders/o6/events')).toBe(0);
    for (const event of slideDone('o7', 1)) act(() => first.push(event));
    await waitFor(() => expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1']));
  });

  it('stays idle without an order id or when disabled', async () => {
    serveOrder('o5');
    renderWithAlfie(
      <>
        <Progress orderId={null} />
        <Disabled />
      </>,
    );
    await settle();
    expect(screen.getAllByTestId('connection').map((el) => el.textContent)).toEqual(['closed', 'closed']);
    expect(streams.opened).toHaveLength(0);
    expect(detailRequests).toBe(0);
  });
});
