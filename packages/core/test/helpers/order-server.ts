import { type LiveStream, liveStream } from '@alfie/test-kit/event-stream';
import { carouselFixture } from '@alfie/test-kit/fixtures';
import { HttpResponse, http } from 'msw';
import type { SetupServer } from 'msw/node';
import { api } from './msw.js';

/**
 * Serves one carousel order like the real server: GET /v1/orders/:id reflects what was delivered so
 * far, and each GET /v1/orders/:id/events opens a stream the test drives event by event.
 */
export function orderServer(
  server: SetupServer,
  options: { slides?: number; events?: 'sse' | 404 | 503; quiet?: boolean } = {},
) {
  const fixture = carouselFixture('ord_1', options.slides ?? 4);
  const connections: Array<{ lastEventId: string | null; stream: LiveStream }> = [];
  let sent = 0;
  let detailCalls = 0;
  const delivered = () => fixture.events.slice(0, sent).filter(({ event }) => event.type === 'asset').length;
  const ended = () => fixture.events.slice(0, sent).some(({ event }) => event.type === 'end');

  server.use(
    http.get(api(`/v1/orders/${fixture.orderId}`), () => {
      detailCalls++;
      return HttpResponse.json(
        fixture.detail(delivered(), ended() ? 'completed' : delivered() ? 'processing' : 'pending'),
      );
    }),
    http.get(api(`/v1/orders/${fixture.orderId}/events`), ({ request }) => {
      if (options.events === 404)
        return HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'no SSE' } }, { status: 404 });
      if (options.events === 503)
        return HttpResponse.json({ error: { code: 'INTERNAL', message: 'down' } }, { status: 503 });
      const stream = liveStream(request.signal);
      connections.push({ lastEventId: request.headers.get('last-event-id'), stream });
      // Reconnect fast in tests (the `retry:` field), and show the stream is alive (unless `quiet`,
      // like a server that writes nothing before the order's first event).
      if (!options.quiet) stream.raw('retry: 10\n: connected\n\n');
      // Like the real server: a stream opened on an ended order answers `end` at once.
      const end = fixture.events.at(-1)!;
      if (ended()) stream.send(end.id, end.event);
      return stream.response();
    }),
  );

  const current = () => connections.at(-1)!.stream;
  return {
    fixture,
    connections,
    detailCalls: () => detailCalls,
    /** Sends the next `count` events on the current stream (ids 1..n, as the server numbers them). */
    sendNext(count: number) {
      for (const { id, event } of fixture.events.slice(sent, sent + count)) current().send(id, event);
      sent = Math.min(fixture.events.length, sent + count);
    },
    /** Sends events from `fromId` (inclusive) to the end, after a reconnect. */
    resumeFrom(fromId: number) {
      sent = fromId - 1;
      this.sendNext(fixture.events.length);
    },
    /** Pretend the worker delivered events without any stream seeing them (polling tests). */
    advance(count: number) {
      sent = Math.min(fixture.events.length, sent + count);
    },
    get sent() {
      return sent;
    },
  };
}
