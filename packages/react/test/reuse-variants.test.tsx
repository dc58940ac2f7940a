import { createAlfieClient, type GenerateRequest } from '@alfie/core';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlfieProvider, useGenerate, useOrder, useReuseMatch, useVariants } from '../src/index.js';

function Variants({ brandId }: { brandId: string }) {
  const { generate, data } = useGenerate();
  const order = useOrder(data?.orderId);
  const { report, choose } = useVariants(order.done ? data?.orderId : null);
  return (
    <div>
      <button
        type="button"
        onClick={() => generate({ format: 'image', topic: 'Fête des mères', brandId, variants: 3 })}
      >
        Generate
      </button>
      <p data-testid="chosen">{report ? String(report.chosenVariant) : 'none'}</p>
      <ul>
        {report?.variants.map((v) => (
          <li key={v.variant} data-url={v.url ?? ''}>
            <button type="button" onClick={() => void choose(v.variant)}>
              Choose {v.style}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Reuse({ request }: { request: GenerateRequest }) {
  const { match, reuse } = useReuseMatch(request);
  return (
    <div>
      <p data-testid="match">{match ? match.orderId : 'none'}</p>
      <button
        type="button"
        onClick={() =>
          void reuse().then((id) => screen.getByTestId('match').setAttribute('data-reused', id ?? ''))
        }
      >
        Reuse
      </button>
    </div>
  );
}

describe('reuse and variant hooks against the real server', () => {
  let server: RealServer;
  beforeAll(async () => {
    server = await startRealServer({ latencyMs: 0 });
  }, 60_000);
  afterAll(() => server?.close());

  const wrap = (node: React.ReactNode) => {
    const client = createAlfieClient({ baseUrl: server.baseUrl, token: server.user.token });
    return render(
      <StrictMode>
        <AlfieProvider client={client}>{node}</AlfieProvider>
      </StrictMode>,
    );
  };

  it('useVariants shows three different variants and stores the choice', async () => {
    const { unmount } = wrap(<Variants brandId={server.brandId} />);
    fireEvent.click(screen.getByText('Generate'));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(3), { timeout: 30_000 });
    const urls = screen.getAllByRole('listitem').map((li) => li.getAttribute('data-url'));
    expect(new Set(urls).size).toBe(3);
    expect(screen.getByTestId('chosen').textContent).toBe('null');
    fireEvent.click(screen.getByText('Choose minimal'));
    await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe('2'));
    unmount();
  }, 40_000);

  it('useReuseMatch finds the earlier visual and reuses it for free', async () => {
    const request = {
      format: 'image' as const,
      topic: 'fete des meres',
      brandId: server.brandId,
      variants: 3,
    };
    const { unmount } = wrap(<Reuse request={request} />);
    await waitFor(() => expect(screen.getByTestId('match').textContent).toMatch(/^[0-9a-f-]{36}$/));
    fireEvent.click(screen.getByText('Reuse'));
    await waitFor(() =>
      expect(screen.getByTestId('match').getAttribute('data-reused')).toMatch(/^[0-9a-f-]{36}$/),
    );
    unmount();
  }, 30_000);
});
