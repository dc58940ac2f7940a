import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { LibraryEntry, Order, OrderEvent } from '../src/contract/types.js';
import { createAlfieClient, isAlfieError } from '../src/index.js';
import { api, BASE, until, useMswServer } from './helpers/msw.js';
import { completedEnd, eventsStreams } from './helpers/sse.js';

const server = useMswServer();
const client = () => createAlfieClient({ baseUrl: BASE, token: 't', retry: 0 });

/** Pages of `total` numbered rows, `limit` per page, with opaque cursors, like the server's. */
function paged<T>(path: string, total: number, row: (index: number) => T) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(api(path), ({ request }) => {
      const url = new URL(request.url);
      queries.push(url.searchParams);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 2);
      const data = Array.from({ length: Math.max(0, Math.min(limit, total - start)) }, (_, i) =>
        row(start + i),
      );
      return HttpResponse.json({ data, nextCursor: start + limit < total ? String(start + limit) : null });
    }),
  );
  return queries;
}

const orderRow = (index: number) => ({ id: `ord_${index}` }) as Order;
const entryRow = (index: number) => ({ orderId: `ord_${index}`, assets: [] }) as unknown as LibraryEntry;

describe('pagers', () => {
  it('orders.pager loads the first page on subscribe, then next pages until the end', async () => {
    const queries = paged('/v1/orders', 5, orderRow);
    const pager = client().orders.pager({ brandId: 'b1', limit: 2 });
    expect(pager.getSnapshot()).toMatchObject({ status: 'idle', items: [], hasNextPage: false });
    const unsubscribe = pager.subscribe(() => {});
    await until(() => pager.getSnapshot().status === 'success');
    expect(pager.getSnapshot()).toMatchObject({ hasNextPage: true, isFetchingNextPage: false });
    const next = pager.fetchNextPage();
    expect(pager.getSnapshot().isFetchingNextPage).toBe(true);
    await next;
    await pager.fetchNextPage();
    expect(pager.getSnapshot().items.map((order) => order.id)).toEqual([
      'ord_0',
      'ord_1',
      'ord_2',
      'ord_3',
      'ord_4',
    ]);
    expect(pager.getSnapshot().hasNextPage).toBe(false);
    await pager.fetchNextPage(); // nothing left: no request
    expect(queries).toHaveLength(3);
    expect(queries[0]!.get('brandId')).toBe('b1');
    expect(queries[0]!.has('cursor')).toBe(false);
    expect(queries[2]!.get('cursor')).toBe('4');

    await pager.refresh();
    expect(pager.getSnapshot().items).toHaveLength(2);
    unsubscribe();
  });

  it('keeps the error in the snapshot and can try again', async () => {
    let fail = true;
    server.use(
      http.get(api('/v1/library'), () =>
        fail
          ? HttpResponse.json({ error: { code: 'FORBIDDEN', message: 'nope' } }, { status: 403 })
          : HttpResponse.json({ data: [entryRow(0)], nextCursor: null }),
      ),
    );
    const pager = client().library.pager();
    await pager.fetchNextPage();
    expect(pager.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'FORBIDDEN' } });
    fail = false;
    await pager.fetchNextPage();
    expect(pager.getSnapshot()).toMatchObject({ status: 'success', error: null, items: [entryRow(0)] });
  });

  it('live pagers reload the first page when an order ends; orders also after a generate', async () => {
    const orderQueries = paged('/v1/orders', 5, orderRow);
    const libraryQueries = paged('/v1/library', 3, entryRow);
    const { streams, handler } = eventsStreams();
    server.use(
      handler,
      http.post(api('/v1/generate'), () => HttpResponse.json({ orderId: 'o9', jobId: 'j' }, { status: 202 })),
    );
    const alfie = client();
    const orders = alfie.orders.pager({ limit: 2 }, { live: true });
    const library = alfie.library.pager({ limit: 2 }, { live: true });
    const still = alfie.orders.pager({ limit: 2 }); // not live: loads once
    const stops = [orders, library, still].map((pager) => pager.subscribe(() => {}));
    await until(() => streams.length === 1 && orders.getSnapshot().status === 'success');
    await until(() => library.getSnapshot().status === 'success' && still.getSnapshot().status === 'success');
    await orders.fetchNextPage();
    expect(orders.getSnapshot().items).toHaveLength(4);
    expect([orderQueries.length, libraryQueries.length]).toEqual([3, 1]);

    streams[0]!.send(1, { type: 'status', orderId: 'o1', status: 'processing' });
    streams[0]!.send(2, completedEnd('o1'));
    await until(() => orderQueries.length === 4 && libraryQueries.length === 2);
    await until(() => orders.getSnapshot().status === 'success');
    expect(orders.getSnapshot().items).toHaveLength(2); // back to the first page, fresh
    expect(orderQueries[3]!.has('cursor')).toBe(false);

    await alfie.generate({ format: 'image', topic: 'x', brandId: 'b1' });
    await until(() => orderQueries.length === 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(libraryQueries).toHaveLength(2); // a new order has nothing in the library yet

    for (const stop of stops) stop();
    await until(() => streams[0]!.state.cancelled);
    expect(streams).toHaveLength(1); // both live pagers shared the client's one events stream
  });

  it('library.iterate walks every page', async () => {
    paged('/v1/library', 5, entryRow);
    const seen: string[] = [];
    for await (const entry of client().library.iterate({ type: 'carousel', limit: 2 }))
      seen.push(entry.orderId);
    expect(seen).toEqual(['ord_0', 'ord_1', 'ord_2', 'ord_3', 'ord_4']);
  });
});

describe('events and quota observer', () => {
  const quota = (woofs: number) => ({ brandId: 'b1', remaining: { images: 10, videos: 2, woofs } });

  it('events.subscribe shares one /v1/events stream; quota.observe refetches when an order ends', async () => {
    const { streams, handler } = eventsStreams();
    let woofs = 10;
    let quotaCalls = 0;
    server.use(
      http.get(api('/v1/quotas/b1'), () => {
        quotaCalls++;
        return HttpResponse.json(quota(woofs));
      }),
      handler,
    );
    const alfie = client();
    const events: OrderEvent[] = [];
    const stopEvents = alfie.events.subscribe((event) => events.push(event));
    const observer = alfie.quotas.observe('b1');
    const unsubscribe = observer.subscribe(() => {});
    await until(() => observer.getSnapshot().status === 'success' && streams.length > 0);
    expect(observer.getSnapshot().quota).toEqual(quota(10));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(streams).toHaveLength(1); // the quota observer joined the same stream

    woofs = 6;
    streams[0]!.send(1, { type: 'status', orderId: 'o1', status: 'processing' });
    await until(() => events.length === 1);
    expect(quotaCalls).toBe(1); // a status change does not touch the quota
    streams[0]!.send(2, completedEnd('o1'));
    await until(() => observer.getSnapshot().quota?.remaining.woofs === 6);
    expect(events.map((event) => event.type)).toEqual(['status', 'end']);

    stopEvents();
    expect(streams[0]!.state.cancelled).toBe(false);
    observer.close();
    await until(() => streams[0]!.state.cancelled);
    unsubscribe();
  });

  it('quota observer also refreshes after a generate through the same client', async () => {
    let woofs = 10;
    server.use(
      http.get(api('/v1/quotas/b1'), () => HttpResponse.json(quota(woofs))),
      http.get(api('/v1/events'), () => new HttpResponse(null, { status: 404 })),
      http.post(api('/v1/generate'), () => {
        woofs = 9;
        return HttpResponse.json({ orderId: 'o', jobId: 'j' }, { status: 202 });
      }),
    );
    const alfie = client();
    const observer = alfie.quotas.observe('b1');
    observer.subscribe(() => {});
    await until(() => observer.getSnapshot().quota?.remaining.woofs === 10);
    await alfie.generate({ format: 'image', topic: 'x', brandId: 'b1' });
    await until(() => observer.getSnapshot().quota?.remaining.woofs === 9);
    observer.close();
  });
});

describe('mutation observer', () => {
  it('goes idle → submitting → success, and error with the AlfieError', async () => {
    server.use(
      http.post(api('/v1/brands'), async ({ request }) => {
        const body = (await request.json()) as { name: string };
        if (!body.name)
          return HttpResponse.json(
            { error: { code: 'VALIDATION_FAILED', message: 'name' } },
            { status: 400 },
          );
        return HttpResponse.json({ id: 'b9', name: body.name }, { status: 201 });
      }),
    );
    const alfie = client();
    const create = alfie.mutation((name: string) => alfie.brands.create({ name }));
    const statuses: string[] = [];
    create.subscribe(() => statuses.push(create.getSnapshot().status));
    await expect(create.mutate('Acme')).resolves.toMatchObject({ id: 'b9' });
    expect(create.getSnapshot()).toMatchObject({ status: 'success', data: { id: 'b9' }, error: null });
    const failure = await create.mutate('').catch((error: unknown) => error);
    expect(isAlfieError(failure) && failure.code).toBe('VALIDATION_FAILED');
    expect(create.getSnapshot()).toMatchObject({ status: 'error', error: { code: 'VALIDATION_FAILED' } });
    create.reset();
    expect(create.getSnapshot()).toEqual({ status: 'idle', data: undefined, error: null });
    expect(statuses).toEqual(['submitting', 'success', 'submitting', 'error', 'idle']);
  });

  it('only the latest call updates the snapshot', async () => {
    const resolvers: Array<(value: string) => void> = [];
    const mutation = createAlfieClient({ baseUrl: BASE }).mutation(
      () => new Promise<string>((resolve) => resolvers.push(resolve)),
    );
    const first = mutation.mutate();
    const second = mutation.mutate();
    resolvers[1]!('second');
    await second;
    resolvers[0]!('first');
    await first;
    expect(mutation.getSnapshot().data).toBe('second');
  });
});

describe('brands', () => {
  it('accepts either a page or a bare array from GET /v1/brands', async () => {
    server.use(http.get(api('/v1/brands'), () => HttpResponse.json([{ id: 'b1' }])));
    await expect(client().brands.list()).resolves.toEqual({ data: [{ id: 'b1' }], nextCursor: null });
    server.use(
      http.get(api('/v1/brands'), () => HttpResponse.json({ data: [{ id: 'b2' }], nextCursor: null })),
    );
    await expect(client().brands.list()).resolves.toEqual({ data: [{ id: 'b2' }], nextCursor: null });
  });
});
