/** One dispatched Server-Sent Event. `id` is the last event id seen on the stream (for Last-Event-ID). */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseHandlers {
  onMessage(message: SseMessage): void;
  /** Any bytes arrived, heartbeat comments included: the stream is not being buffered. */
  onActivity?(): void;
  /** The server asked for another reconnection delay (`retry:` field), in ms. */
  onRetry?(ms: number): void;
}

/**
 * Reads a `text/event-stream` body to its end, following the WHATWG parsing rules (CR, LF and CRLF
 * line ends, comments, multi-line `data`, `id`, `retry`). Runs on fetch streaming, so it works where
 * EventSource does not (Node) and can send headers (Authorization, Last-Event-ID).
 */
export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  handlers: SseHandlers,
  signal?: AbortSignal,
): Promise<void> {
  const reader = body.getReader();
  // Cancelling the reader ends a pending read() at once, whatever the fetch implementation does with the signal.
  const cancel = () => reader.cancel().catch(() => {});
  if (signal?.aborted) cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let lastId: string | undefined;

  const processLine = (line: string) => {
    if (line === '') {
      if (data.length > 0)
        handlers.onMessage({ id: lastId, event: event || 'message', data: data.join('\n') });
      data = [];
      event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) handlers.onRetry?.(Number(value));
  };

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        // A CR held back at the very end was a line end after all.
        if (buffer.endsWith('\r'))
          for (const line of buffer.slice(0, -1).split(/\r\n|\r|\n/)) processLine(line);
        return;
      }
      handlers.onActivity?.();
      buffer += decoder.decode(value, { stream: true });
      // A chunk may end between the CR and LF of a CRLF: keep that CR for the next chunk.
      const end = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
      const lines = buffer.slice(0, end).split(/\r\n|\r|\n/);
      buffer = lines.pop()! + buffer.slice(end);
      for (const line of lines) processLine(line);
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel();
  }
}
