import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain HTTP proxy in front of the real server that can drop every open SSE connection at once, the
 * way a load balancer restart or a flaky mobile network does. Records each events request's
 * Last-Event-ID.
 */
export async function cuttingProxy(target: string) {
  const open = new Set<ServerResponse>();
  const eventRequests: Array<{ path: string; lastEventId: string | null }> = [];
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
    if (req.url?.includes('/events')) {
      const lastEventId = req.headers['last-event-id'];
      eventRequests.push({
        path: req.url,
        lastEventId: typeof lastEventId === 'string' ? lastEventId : null,
      });
      open.add(res);
      res.on('close', () => {
        open.delete(res);
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    eventRequests,
    /** Drops every open event stream mid-flight; returns how many were cut. */
    cutStreams(): number {
      const count = open.size;
      for (const res of open) res.destroy();
      return count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
