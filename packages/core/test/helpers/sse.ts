import { type LiveStream, liveStream } from '@alfie/test-kit/event-stream';
import { endEvent } from '@alfie/test-kit/fixtures';
import { http } from 'msw';
import type { OrderEvent } from '../../src/contract/types.js';
import { api } from './msw.js';

/**
 * GET /v1/events (the client's shared stream): every connection gets a live stream, kept in `streams`
 * in the order they opened, already showing it is alive (`: ping`).
 */
export function eventsStreams() {
  const streams: LiveStream[] = [];
  const handler = http.get(api('/v1/events'), ({ request }) => {
    const stream = liveStream(request.signal);
    streams.push(stream);
    stream.ping();
    return stream.response();
  });
  return { streams, handler };
}

/** The `end` event of a one-item order that completed. */
export const completedEnd = (orderId: string): OrderEvent =>
  endEvent({ id: orderId, status: 'completed', completedCount: 1, expectedTotal: 1 });
