/**
 * The fan-out bench's server process (BENCH_KIND):
 * - `alfie`: the real app (auth, `/v1/events` sessions, the one LISTEN of the hub);
 * - `bare`: the floor. One LISTEN; each notification is written as-is, as one `data:` line, to
 *   every open response. No auth, no filter, no replay, no mapping.
 * Both listen with a large backlog (BENCH_BACKLOG, default 8192) so that thousands of clients
 * connecting at once are not held back by the kernel's default queue of 511.
 * Env: DATABASE_URL, BENCH_JWT_SECRET, BENCH_DATA_DIR. Prints `ready <port>`. On SIGUSR2 it
 * collects garbage and prints `mem <rss> <heapUsed> <external>` (bytes).
 */
import { createServer, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { createAdaptorServer } from '@hono/node-server';
import pg from 'pg';
import { ORDER_EVENTS_CHANNEL } from '../src/events/types.js';
import { appFromEnv } from '../test/helpers/api-process.js';

const env = process.env;
const backlog = Number(env.BENCH_BACKLOG ?? 8192);
let close: () => Promise<void>;
let server: ReturnType<typeof createServer>;

if (env.BENCH_KIND === 'bare') {
  const listener = new pg.Client({ connectionString: env.DATABASE_URL });
  await listener.connect();
  const open = new Set<ServerResponse>();
  listener.on('notification', (message) => {
    const frame = `data: ${message.payload}\n\n`;
    for (const res of open) res.write(frame);
  });
  await listener.query(`listen ${ORDER_EVENTS_CHANNEL}`);
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': connected\n\n');
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  close = () => listener.end();
} else {
  const { db, app } = appFromEnv({ prefix: 'BENCH', maxConnections: 20 });
  server = createAdaptorServer({ fetch: app.fetch }) as ReturnType<typeof createServer>;
  close = () => db.close();
}

server.listen({ port: 0, host: '127.0.0.1', backlog }, () => {
  const address = server.address() as { port: number };
  process.stdout.write(`ready ${address.port}\n`);
});
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  // BENCH_HEAP_SNAPSHOT=dir: a heap snapshot with each reading, to see what a connection keeps.
  if (env.BENCH_HEAP_SNAPSHOT)
    writeHeapSnapshot(join(env.BENCH_HEAP_SNAPSHOT, `${env.BENCH_KIND}-${Date.now()}.heapsnapshot`));
  process.stdout.write(`mem ${m.rss} ${m.heapUsed} ${m.external + m.arrayBuffers}\n`);
});
process.once('SIGTERM', () => {
  // Open SSE streams would hold the close: give it a moment, then leave anyway.
  setTimeout(() => process.exit(0), 1000).unref();
  server.closeAllConnections();
  void close().then(() => process.exit(0));
});
