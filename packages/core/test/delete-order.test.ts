import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createAlfieClient, isAlfieHttpError } from '../src/index.js';
import { api, BASE, useMswServer } from './helpers/msw.js';

const server = useMswServer();
const client = createAlfieClient({ baseUrl: BASE, token: 't' });

describe('orders.delete', () => {
  it('sends one authenticated DELETE and returns what was removed', async () => {
    const seen: string[] = [];
    server.use(
      http.delete(api('/v1/orders/o1'), ({ request }) => {
        seen.push(`${request.method} ${request.headers.get('authorization')}`);
        return HttpResponse.json({ orderId: 'o1', deletedAssets: 5 });
      }),
    );
    await expect(client.orders.delete('o1')).resolves.toEqual({ orderId: 'o1', deletedAssets: 5 });
    expect(seen).toEqual(['DELETE Bearer t']);
  });

  it('is never retried: a running order answers 409 CONFLICT once', async () => {
    let calls = 0;
    server.use(
      http.delete(api('/v1/orders/o2'), () => {
        calls++;
        return HttpResponse.json(
          { error: { code: 'CONFLICT', message: 'cancel it first' } },
          { status: 409 },
        );
      }),
    );
    const error = await client.orders.delete('o2').catch((e: unknown) => e);
    expect(isAlfieHttpError(error) && error.code).toBe('CONFLICT');
    expect(calls).toBe(1);
  });
});
