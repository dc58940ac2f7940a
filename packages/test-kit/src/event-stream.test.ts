import { describe, expect, it } from 'vitest';
import { EventStreams, liveStream } from './event-stream.js';
import { slideDone } from './fixtures.js';

const BASE = 'http://alfie.test';

/** Reads what the stream has written so far, without waiting for its end. */
async function readSome(response: Response, reader = response.body!.getReader()): Promise<string> {
  const { value } = await reader.read();
  return new TextDecoder().decode(value);
}

describe('EventStreams', () => {
  it('numbers events once across streams and sends each to its order and to /v1/events only', async () => {
    const streams = new EventStreams();
    const mine = streams.respond(new Request(`${BASE}/v1/orders/o1/events`));
    const shared = streams.respond(new Request(`${BASE}/v1/events`));
    const other = streams.respond(new Request(`${BASE}/v1/orders/o2/events`));
    const [mineReader, sharedReader, otherReader] = [mine, shared, other].map((r) => r.body!.getReader());
    for (const reader of [mineReader, sharedReader, otherReader]) {
      expect(new TextDecoder().decode((await reader!.read()).value)).toBe(': ping\n\n');
    }

    const [item, asset] = slideDone('o1', 0);
    streams.push(item!);
    streams.push({ type: 'status', orderId: 'o2', status: 'processing' });
    streams.push(asset!);

    expect(await readSome(mine, mineReader)).toMatch(/^id: 1\nevent: item\ndata: \{/);
    expect(await readSome(mine, mineReader)).toMatch(/^id: 3\nevent: asset\n/);
    expect(await readSome(other, otherReader)).toMatch(/^id: 2\nevent: status\n/);
    const sharedIds = [await readSome(shared, sharedReader), await readSome(shared, sharedReader)];
    expect(sharedIds.map((text) => text.split('\n')[0])).toEqual(['id: 1', 'id: 2']);
    expect(streams.count()).toBe(3);
    expect(streams.opened).toEqual(['/v1/orders/o1/events', '/v1/events', '/v1/orders/o2/events']);
  });

  it('forgets a stream when the client aborts, cancels the body, or the order is closed', async () => {
    const streams = new EventStreams();
    const aborted = new AbortController();
    streams.respond(new Request(`${BASE}/v1/orders/o1/events`, { signal: aborted.signal }));
    const cancelled = streams.respond(new Request(`${BASE}/v1/events`));
    const closed = streams.respond(new Request(`${BASE}/v1/orders/o2/events`));
    expect(streams.count()).toBe(3);

    aborted.abort();
    expect(streams.count('/v1/orders/o1/events')).toBe(0);
    await cancelled.body!.cancel();
    expect(streams.count('/v1/events')).toBe(0);
    streams.closeOrder('o2');
    expect(streams.count()).toBe(0);
    const reader = closed.body!.getReader();
    await reader.read(); // the ping
    await expect(reader.read()).resolves.toEqual({ done: true, value: undefined });
  });
});

describe('liveStream', () => {
  it('errors the reader on cut(), like a dropped connection, and writes nothing after', async () => {
    const stream = liveStream();
    const reader = stream.response().body!.getReader();
    stream.ping();
    await reader.read();
    stream.cut();
    stream.ping();
    await expect(reader.read()).rejects.toThrow('terminated');
    expect(stream.state).toEqual({ cancelled: false, closed: true });
  });
});
