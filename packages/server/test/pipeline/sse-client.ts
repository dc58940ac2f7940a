/** A minimal SSE client over fetch for tests: records each message and when it arrived. */
export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
  receivedAt: number;
}

export interface SseConnection {
  messages: SseMessage[];
  comments: string[];
  /** Resolves when the server closes the stream. */
  closed: Promise<void>;
  /** Resolves with the first message matching `predicate` (already received or future). */
  waitFor(predicate: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
  status: number;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseConnection> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of waiters) w();
  };
  const closed = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: SseMessage = { id: null, event: 'message', data: '', receivedAt: performance.now() };
          let isComment = true;
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              comments.push(line);
              continue;
            }
            isComment = false;
            const colon = line.indexOf(':');
            const field = colon === -1 ? line : line.slice(0, colon);
            const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') message.id = value;
            else if (field === 'event') message.event = value;
            else if (field === 'data') data.push(value);
          }
          if (!isComment) {
            message.data = data.join('\n');
            messages.push(message);
          }
          notify();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    } finally {
      notify();
    }
  })();
  let isClosed = false;
  void closed.then(() => {
    isClosed = true;
    notify();
  });
  return {
    messages,
    comments,
    closed,
    status: res.status,
    close: () => controller.abort(),
    waitFor(predicate, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (found) {
            cleanup();
            resolve(found);
          } else if (isClosed) {
            cleanup();
            reject(
              new Error(
                `stream closed before the expected message; got ${messages.map((m) => m.event).join(',')}`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out; got ${messages.map((m) => m.event).join(',')}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
