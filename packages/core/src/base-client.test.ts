import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { api, BASE, useMswServer } from '../test/helpers/msw.js';
import { createAlfieBaseClient, createAlfieClient } from './index.js';

const server = useMswServer();

describe('createAlfieBaseClient', () => {
  it('sends the same requests as the full client, without its UI observers', async () => {
    const seen: string[] = [];
    server.use(
      http.get(api('/v1/brands'), ({ request }) => {
        seen.push(`${request.method} ${request.headers.get('authorization')}`);
        return HttpResponse.json([{ id: 'b1', name: 'Acme' }]);
      }),
      http.post(api('/v1/generate'), ({ request }) => {
        seen.push(`POST ${request.headers.get('idempotency-key')}`);
        return HttpResponse.json({ orderId: 'o1', jobId: 'j1' }, { status: 202 });
      }),
    );
    const client = createAlfieBaseClient({ baseUrl: BASE, token: 't1' });
    await expect(client.brands.list()).resolves.toEqual({
      data: [{ id: 'b1', name: 'Acme' }],
      nextCursor: null,
    });
    client.setToken('t2');
    await client.brands.list();
    await expect(
      client.generate({ format: 'image', topic: 'Café', brandId: 'b1' }, { idempotencyKey: 'k1' }),
    ).resolves.toEqual({ orderId: 'o1', jobId: 'j1' });
    expect(seen).toEqual(['GET Bearer t1', 'GET Bearer t2', 'POST k1']);

    expect(Object.keys(client.orders).sort()).toEqual([
      'cancel',
      'delete',
      'download',
      'downloadPdf',
      'downloadZip',
      'get',
      'list',
      'redo',
      'watch',
    ]);
    expect('observe' in client.quotas).toBe(false);
    expect('mutation' in client || 'events' in client).toBe(false);
  });

  it('leaves createAlfieClient with the whole agreed surface', () => {
    const client = createAlfieClient({ baseUrl: BASE });
    expect(Object.keys(client.orders).sort()).toEqual([
      'cancel',
      'delete',
      'download',
      'downloadPdf',
      'downloadZip',
      'get',
      'list',
      'pager',
      'redo',
      'watch',
    ]);
    expect(Object.keys(client.quotas).sort()).toEqual(['get', 'observe']);
    expect(Object.keys(client.library).sort()).toEqual(['iterate', 'list', 'pager']);
    expect(Object.keys(client.brands).sort()).toEqual(['create', 'list']);
    expect(typeof client.events.subscribe).toBe('function');
    expect(typeof client.mutation).toBe('function');
    expect(typeof client.jobs.get).toBe('function');
    expect(typeof client.setToken).toBe('function');
  });
});
