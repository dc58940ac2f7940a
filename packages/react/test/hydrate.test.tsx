import { EventStreams } from '@alfie/test-kit/event-stream';
import { makeDetail, makeOrder, makeQuota } from '@alfie/test-kit/fixtures';
import { render, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { AlfieProvider } from '../src/index.js';
import { Dashboard } from './helpers/dashboard.js';
import { BASE_URL, testClient } from './helpers/render.js';

const streams = new EventStreams();
const server = setupServer(
  http.get(`${BASE_URL}/v1/orders/o1`, () => HttpResponse.json(makeDetail('o1'))),
  http.get(`${BASE_URL}/v1/orders/o1/events`, ({ request }) => streams.respond(request)),
  http.get(`${BASE_URL}/v1/events`, ({ request }) => streams.respond(request)),
  http.get(`${BASE_URL}/v1/orders`, () => HttpResponse.json({ data: [makeOrder('o1')], nextCursor: null })),
  http.get(`${BASE_URL}/v1/library`, () => HttpResponse.json({ data: [], nextCursor: null })),
  http.get(`${BASE_URL}/v1/quotas/brand-1`, () => HttpResponse.json(makeQuota('brand-1', 42))),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

it('hydrates server HTML without a mismatch, then goes live', async () => {
  const serverHtml = renderToString(
    <AlfieProvider baseUrl={BASE_URL} token="t" fetch={vi.fn()}>
      <Dashboard orderId="o1" />
    </AlfieProvider>,
  );
  const container = document.createElement('div');
  container.innerHTML = serverHtml;
  document.body.append(container);
  const errors = vi.spyOn(console, 'error');

  render(
    <StrictMode>
      <AlfieProvider client={testClient()}>
        <Dashboard orderId="o1" />
      </AlfieProvider>
    </StrictMode>,
    { container, hydrate: true },
  );
  await waitFor(() => expect(screen.getByTestId('quota').textContent).toBe('success:42'));
  await waitFor(() => expect(screen.getByTestId('order').textContent).toBe('live:0'));
  expect(screen.getByTestId('orders').textContent).toBe('success:1');
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});
