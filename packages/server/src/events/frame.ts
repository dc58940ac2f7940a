import type { OrderEvent } from '@alfie/core/contract';
import type { StoredOrderEvent } from './types.js';

/**
 * The bytes of one SSE message, made once per event however many clients receive it: mapping, JSON
 * serialisation, framing and UTF-8 encoding were done per client before, and were most of the cost
 * of a fan-out to 1,000 clients. Subscribers only filter and write these bytes.
 *
 * The JSON has no raw line breaks (JSON.stringify escapes them), so `data:` is one line, and the
 * type and id are known tokens: nothing a client sends can add a field to the message.
 *
 * @example
 * socket.write(frameEvent(event)); // "id: 42\nevent: status\ndata: {...}\n\n"
 */
export function frameEvent(event: StoredOrderEvent): Buffer {
  return Buffer.from(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
}

/** A message without an id (the final state of an ended order, which is not a stored event). */
export function frameMessage(event: OrderEvent): Buffer {
  return Buffer.from(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
}

/** An SSE comment (`: text`): clients ignore it; it keeps proxies from closing an idle stream. */
export function frameComment(text: string): Buffer {
  return Buffer.from(`: ${text.replace(/[\r\n]/g, ' ')}\n\n`);
}

/** A lazily framed event: the hub frames it on first use, then every subscriber shares the bytes. */
export class FramedEvent {
  private bytes: Buffer | null = null;
  constructor(readonly event: StoredOrderEvent) {}
  get frame(): Buffer {
    this.bytes ??= frameEvent(this.event);
    return this.bytes;
  }
}
