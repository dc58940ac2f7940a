import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendOrderEvent } from '../../src/events/append.js';
import { OrderEventHub } from '../../src/events/hub.js';
import { type DropReason, runEventSession } from '../../src/events/session.js';
import type { SseSink } from '../../src/events/sse-sink.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { anOrderOf, waitFor } from './fixtures.js';
import { openSse, type SseConnection } from './sse-client.js';

/** A client that never reads: every byte written stays in its backlog. */
function stalledSink(): SseSink & { destroyed: boolean; bytes: number } {
  const listeners: (() => void)[] = [];
  const sink = {
    destroyed: false,
    bytes: 0,
    closed: false,
    write(chunk: Uint8Array) {
      sink.bytes += chunk.byteLength;
    },
    get backlog() {
      return sink.bytes;
    },
    onClose(listener: () => void) {
      listeners.push(listener);
    },
    end() {
      sink.closed = true;
    },
    destroy() {
      sink.destroyed = true;
      sink.closed = true;
      for (const l of listeners) l();
    },
  };
  return sink;
}

describe('SSE fan-out on real PostgreSQL', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp('postgres');
  });
  afterEach(() => t.drop());

  it('loses and repeats no event across a reconnect storm: every client resumes with Last-Event-ID', async () => {
    const { user, orderId } = await anOrderOf(t);
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/v1/events`;
    const CLIENTS = 40;
    const BURSTS = 12;
    const BURST = 10;
    // Each client keeps every message it was ever sent, across its connections.
    const seen: string[][] = Array.from({ length: CLIENTS }, () => []);
    const connections: SseConnection[] = [];
    const connect = async (i: number, lastEventId?: string) => {
      const headers = lastEventId ? { ...user.headers, 'last-event-id': lastEventId } : user.headers;
      const conn = await openSse(url, headers);
      expect(conn.status).toBe(200);
      connections[i] = conn;
      return conn;
    };
    const harvest = (i: number) => {
      const conn = connections[i]!;
      conn.close();
      seen[i]!.push(...conn.messages.map((m) => m.id!));
      return seen[i]!.at(-1);
    };
    try {
      // The storm's clients all start from the first event on (Last-Event-ID 0).
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => connect(i, '0')));
      const ids: number[] = [];
      for (let b = 0; b < BURSTS; b++) {
        for (let k = 0; k < BURST; k++) {
          const event = await t.db.transaction((tx) =>
            appendOrderEvent(tx, {
              type: 'progress',
              orderId,
              itemId: orderId,
              progress: (b * BURST + k) / 120,
            }),
          );
          ids.push(event!.id);
        }
        // Every third burst, every client drops at once and comes back with its last id, while the
        // next burst is being committed.
        if (b % 3 === 1) {
          await Promise.all(
            Array.from({ length: CLIENTS }, (_, i) => {
              const last = harvest(i);
              return connect(i, last ?? '0');
            }),
          );
        }
      }
      const expected = ids.map(String);
      await waitFor(
        async () => connections.every((c, i) => seen[i]!.length + c.messages.length >= ids.length),
        20_000,
      );
      for (let i = 0; i < CLIENTS; i++) {
        harvest(i);
        expect(seen[i]).toEqual(expected);
      }
    } finally {
      for (const c of connections) c?.close();
      (server as import('node:http').Server).closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('drops a client that cannot keep up, with a reason, without holding back the others; it resumes from its last id', async () => {
    const { user, orderId } = await anOrderOf(t);
    const hub = new OrderEventHub(t.db);
    const base = { db: t.db, hub, userId: user.userId, orderId: null, after: 0, heartbeatMs: 60_000 };
    const slow = stalledSink();
    const drops: DropReason[] = [];
    const slowSession = runEventSession({
      ...base,
      sink: slow,
      maxBacklogBytes: 4_000,
      onDrop: (reason) => drops.push(reason),
    });
    const fast = stalledSink();
    let fastSent = 0;
    const fastSession = runEventSession({ ...base, sink: fast, onSent: () => fastSent++ });
    await waitFor(async () => hub.size === 2);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const event = await t.db.transaction((tx) =>
        appendOrderEvent(tx, { type: 'progress', orderId, itemId: orderId, progress: i / 60 }),
      );
      ids.push(event!.id);
    }
    await slowSession;
    expect(drops).toEqual(['slow_consumer']);
    expect(slow.destroyed).toBe(true);
    // The slow client was cut at its bound, not after everything (memory stays bounded).
    expect(slow.bytes).toBeLessThan(4_000 + 1_000);
    await waitFor(async () => fastSent === 60);
    expect(hub.size).toBe(1);

    // Reconnecting with the id of the last message it had whole, it gets the rest, once each.
    const sentIds: number[] = [];
    const resumed = stalledSink();
    const lastWhole = ids[3]!;
    const resumedSession = runEventSession({
      ...base,
      after: lastWhole,
      sink: {
        ...resumed,
        write(chunk) {
          const text = new TextDecoder().decode(chunk);
          const match = /^id: (\d+)/.exec(text);
          if (match) sentIds.push(Number(match[1]));
        },
        get backlog() {
          return 0;
        },
        onClose: (listener) => resumed.onClose(listener),
        get closed() {
          return resumed.closed;
        },
      },
    });
    await waitFor(async () => sentIds.length === ids.length - 4);
    expect(sentIds).toEqual(ids.slice(4));
    resumed.destroy();
    fast.destroy();
    await Promise.all([resumedSession, fastSession]);
    await hub.close();
  });

  it('drops a client whose queue passes its bound while a scope check holds it back', async () => {
    const { user, orderId } = await anOrderOf(t);
    const hub = new OrderEventHub(t.db);
    const sink = stalledSink();
    const drops: { reason: DropReason; queued: number }[] = [];
    // A scope lookup that never answers: every later event of the stream has to wait behind it.
    void runEventSession({
      db: t.db,
      hub,
      sink,
      userId: user.userId,
      orderId: null,
      after: 0,
      heartbeatMs: 60_000,
      maxQueued: 5,
      accept: () => new Promise<boolean>(() => {}),
      onDrop: (reason, details) => drops.push({ reason, queued: details.queued }),
    });
    await waitFor(async () => hub.size === 1);
    // The session counts as subscribed before LISTEN is up; events committed before that would be
    // replayed, and the replay is held by the same never-answering check: wait for LISTEN.
    const unsubscribe = await hub.subscribe(randomUUID(), { onEvent: () => {}, onGap: () => {} });
    unsubscribe();
    for (let i = 0; i < 8; i++) {
      await t.db.transaction((tx) =>
        appendOrderEvent(tx, { type: 'progress', orderId, itemId: orderId, progress: i / 8 }),
      );
    }
    await waitFor(async () => sink.destroyed);
    expect(drops).toEqual([{ reason: 'slow_consumer', queued: 5 }]);
    expect(hub.size).toBe(0);
    await hub.close();
  });
});
