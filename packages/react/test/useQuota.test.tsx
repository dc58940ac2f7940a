import { EventStreams } from '@alfie/test-kit/event-stream';
import { makeQuota } from '@alfie/test-kit/fixtures';
import { act, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { useQuota } from '../src/index.js';
import { BASE_URL, renderWithAlfie } from './helpers/render.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function QuotaMeter({ brandId }: { brandId: string }) {
  const { remaining, limits, resetsAt, status } = useQuota(brandId);
  return (
    <p data-testid="quota">
      {status}:{remaining?.images ?? '-'}/{limits?.images ?? '-'}:{resetsAt ?? '-'}
    </p>
  );
}

it('loads the quota and refreshes it by itself when one of the caller orders ends', async () => {
  const streams = new EventStreams();
  let images = 150;
  let fetches = 0;
  server.use(
    http.get(`${BASE_URL}/v1/quotas/brand-1`, () => {
      fetches++;
      return HttpResponse.json(makeQuota('brand-1', images));
    }),
    http.get(`${BASE_URL}/v1/events`, ({ request }) => streams.respond(request)),
  );
  const { unmount } = renderWithAlfie(<QuotaMeter brandId="brand-1" />);
  await waitFor(() =>
    expect(screen.getByTestId('quota').textContent).toBe('success:150/150:2026-12-01T00:00:00.000Z'),
  );
  await waitFor(() => expect(streams.count('/v1/events')).toBe(1));
  const before = fetches;

  // Another tab's order finished and settled: the server's quota changed, the meter follows.
  images = 145;
  act(() =>
    streams.push({ type: 'end', orderId: 'o1', status: 'completed', completedCount: 5, expectedTotal: 5 }),
  );
  await waitFor(() =>
    expect(screen.getByTestId('quota').textContent).toBe('success:145/150:2026-12-01T00:00:00.000Z'),
  );
  expect(fetches).toBe(before + 1);

  unmount();
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  expect(streams.count()).toBe(0);
});
