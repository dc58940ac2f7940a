import type { AlfieClient } from '@alfie/core';
import { makeQuota } from '@alfie/test-kit/fixtures';
import { render, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AlfieProvider, useAlfieClient, useQuota } from '../src/index.js';
import { BASE_URL } from './helpers/render.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const clients: AlfieClient[] = [];
function Quota({ brandId }: { brandId: string }) {
  clients.push(useAlfieClient());
  const { remaining, refresh } = useQuota(brandId);
  return (
    <button type="button" onClick={() => void refresh()}>
      {remaining?.images ?? '-'}
    </button>
  );
}

function serveQuota() {
  const authorizations: (string | null)[] = [];
  server.use(
    http.get(`${BASE_URL}/v1/quotas/:brandId`, ({ request, params }) => {
      authorizations.push(request.headers.get('authorization'));
      return HttpResponse.json(makeQuota(String(params.brandId), 7));
    }),
    http.get(`${BASE_URL}/v1/events`, () => new HttpResponse(null, { status: 404 })),
  );
  return authorizations;
}

describe('AlfieProvider', () => {
  it('with baseUrl and token: one client, and a new token is used without recreating it', async () => {
    const authorizations = serveQuota();
    clients.length = 0;
    const tree = (token: string): ReactNode => (
      <AlfieProvider baseUrl={BASE_URL} token={token}>
        <Quota brandId="b1" />
      </AlfieProvider>
    );
    const { rerender } = render(tree('first'));
    await waitFor(() => expect(screen.getByRole('button').textContent).toBe('7'));
    rerender(tree('second'));
    screen.getByRole('button').click();
    await waitFor(() => expect(authorizations).toContain('Bearer second'));
    expect(authorizations[0]).toBe('Bearer first');
    expect(new Set(clients).size).toBe(1);
  });

  it('with getToken: asks for the token at request time', async () => {
    const authorizations = serveQuota();
    const getToken = vi.fn(async () => 'from-session');
    render(
      <AlfieProvider baseUrl={BASE_URL} getToken={getToken}>
        <Quota brandId="b2" />
      </AlfieProvider>,
    );
    await waitFor(() => expect(authorizations).toEqual(['Bearer from-session']));
    expect(getToken).toHaveBeenCalled();
  });

  it('a hook outside any provider says what to do', () => {
    // React reports the render error too (console, and a window error event in React 18): keep the output clean.
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const quiet = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', quiet);
    expect(() => render(<Quota brandId="b3" />)).toThrow(/AlfieProvider/);
    window.removeEventListener('error', quiet);
    errors.mockRestore();
  });
});
