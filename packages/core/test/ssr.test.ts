import { afterEach, expect, it, vi } from 'vitest';

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
  Reflect.deleteProperty(globalThis, 'document');
});

it('imports, creates a client and a watcher without touching window or document (SSR)', async () => {
  const touched: string[] = [];
  for (const name of ['window', 'document']) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        throw new Error(`${name} touched during SSR`);
      },
    });
  }
  vi.resetModules();
  const core = await import('../src/index.js');
  const client = core.createAlfieClient({ baseUrl: 'http://alfie.test', token: 't' });
  const watcher = client.orders.watch('ord_1');
  expect(watcher.getSnapshot()).toMatchObject({ connection: 'closed', done: false });
  client.quotas.observe('b1').getSnapshot();
  client.orders.pager().getSnapshot();
  watcher.close();
  expect(touched).toEqual([]);
});
