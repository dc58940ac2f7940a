import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Serves an app on a real port of 127.0.0.1: for tests about sockets, not just handlers. */
export async function serveApp(app: {
  fetch: (request: Request) => Response | Promise<Response>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        (server as import('node:http').Server).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
