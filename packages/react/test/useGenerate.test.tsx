import { isAlfieError } from '@alfie/core';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type UseGenerateResult, useGenerate } from '../src/index.js';
import { BASE_URL, renderWithAlfie } from './helpers/render.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

const request = { format: 'carousel', count: 5, topic: 'Marketing trends 2025', brandId: 'brand-1' } as const;

function GenerateButton() {
  const { generate, status, data, error, reset } = useGenerate();
  return (
    <div>
      <button type="button" onClick={() => generate(request)}>
        Generate
      </button>
      <button type="button" onClick={reset}>
        Reset
      </button>
      <p data-testid="status">{status}</p>
      <p data-testid="order">{data?.orderId ?? ''}</p>
      <p data-testid="error">
        {error?.code === 'QUOTA_EXCEEDED'
          ? `${error.remaining.images} left until ${error.resetsAt}`
          : (error?.code ?? '')}
      </p>
    </div>
  );
}

function Capture({ into }: { into: { current: UseGenerateResult | null } }) {
  into.current = useGenerate();
  return null;
}

describe('useGenerate', () => {
  it('sends one request per call (none on mount, even under StrictMode) and exposes the order id', async () => {
    const bodies: unknown[] = [];
    const keys: (string | null)[] = [];
    server.use(
      http.post(`${BASE_URL}/v1/generate`, async ({ request: req }) => {
        bodies.push(await req.json());
        keys.push(req.headers.get('idempotency-key'));
        await new Promise((resolve) => setTimeout(resolve, 30));
        return HttpResponse.json({ orderId: `order-${bodies.length}`, jobId: 'job-1' }, { status: 202 });
      }),
    );
    renderWithAlfie(<GenerateButton />, { strict: true });
    expect(screen.getByTestId('status').textContent).toBe('idle');
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(bodies).toHaveLength(0);

    fireEvent.click(screen.getByText('Generate'));
    expect(screen.getByTestId('status').textContent).toBe('submitting');
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('success'));
    expect(screen.getByTestId('order').textContent).toBe('order-1');
    expect(bodies).toEqual([request]);
    expect(keys[0]).toMatch(/.{8,}/);

    fireEvent.click(screen.getByText('Reset'));
    expect(screen.getByTestId('status').textContent).toBe('idle');
    expect(screen.getByTestId('order').textContent).toBe('');
  });

  it('gives a typed QUOTA_EXCEEDED error with what remains and when it resets', async () => {
    server.use(
      http.post(`${BASE_URL}/v1/generate`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'QUOTA_EXCEEDED',
              message: 'Monthly image quota reached',
              details: {
                remaining: { images: 2, videos: 0, woofs: 0 },
                requested: { images: 5, videos: 0, woofs: 0 },
                resetsAt: '2026-12-01T00:00:00.000Z',
              },
            },
          },
          { status: 402 },
        ),
      ),
    );
    renderWithAlfie(<GenerateButton />);
    fireEvent.click(screen.getByText('Generate'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('error'));
    expect(screen.getByTestId('error').textContent).toBe('2 left until 2026-12-01T00:00:00.000Z');
  });

  it('rejects the awaited promise with the same error that the state holds', async () => {
    server.use(
      http.post(`${BASE_URL}/v1/generate`, () =>
        HttpResponse.json({ error: { code: 'FORBIDDEN', message: 'Not your brand' } }, { status: 403 }),
      ),
    );
    const captured: { current: UseGenerateResult | null } = { current: null };
    renderWithAlfie(<Capture into={captured} />);
    const result = () => captured.current!;
    let thrown: unknown;
    await act(async () => {
      await result()
        .generate(request)
        .catch((error: unknown) => {
          thrown = error;
        });
    });
    expect(isAlfieError(thrown) && thrown.code).toBe('FORBIDDEN');
    await waitFor(() => expect(result().error).toBe(thrown));
  });

  it('narrows error.code === QUOTA_EXCEEDED to an error with remaining and resetsAt (types)', () => {
    const error = null as unknown as UseGenerateResult['error'];
    if (error?.code === 'QUOTA_EXCEEDED') {
      expectTypeOf(error.resetsAt).toEqualTypeOf<string>();
      expectTypeOf(error.remaining.images).toEqualTypeOf<number>();
    }
  });
});
