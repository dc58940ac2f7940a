import { FAKE_API_URL } from '@alfie/test-kit/fixtures';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const BASE = FAKE_API_URL;
export const api = (path: string) => `${BASE}${path}`;

/** One msw server per test file; handlers are added per test and reset after it. */
export function useMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** Waits until `predicate` holds, checking after every tick; fails after `timeout` ms. */
export async function until(predicate: () => boolean, timeout = 3000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
