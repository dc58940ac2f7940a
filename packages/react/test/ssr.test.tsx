// @vitest-environment node
import { createAlfieClient } from '@alfie/core';
import { renderToString } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { AlfieProvider } from '../src/index.js';
import { Dashboard } from './helpers/dashboard.js';

it('renders every hook on the server: no window, no request, idle state in the HTML', () => {
  expect(typeof window).toBe('undefined');
  expect(typeof document).toBe('undefined');
  const fetch = vi.fn<typeof globalThis.fetch>();
  const html = renderToString(
    <AlfieProvider baseUrl="http://alfie.test" token="t" fetch={fetch}>
      <Dashboard orderId="o1" />
    </AlfieProvider>,
  );
  expect(html).toContain('data-testid="generate">idle<');
  expect(html).toContain('data-testid="order">closed<!-- -->:<!-- -->0<');
  expect(html).toContain('data-testid="orders">idle<!-- -->:<!-- -->0<');
  expect(html).toContain('data-testid="quota">idle<!-- -->:<!-- -->-<');
  expect(html).toContain('data-testid="intent">generate<');
  expect(html).toContain('data-testid="chat">idle<');
  expect(fetch).not.toHaveBeenCalled();
});

it('also renders with a client created outside React (one per request on a server)', () => {
  const client = createAlfieClient({ baseUrl: 'http://alfie.test', fetch: vi.fn<typeof globalThis.fetch>() });
  const html = renderToString(
    <AlfieProvider client={client}>
      <Dashboard orderId="o1" />
    </AlfieProvider>,
  );
  expect(html).toContain('<main>');
});
