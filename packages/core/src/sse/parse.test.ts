import { describe, expect, it } from 'vitest';
import { readEventStream, type SseMessage } from './parse.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function parse(chunks: string[]) {
  const messages: SseMessage[] = [];
  const retries: number[] = [];
  let activity = 0;
  await readEventStream(streamOf(chunks), {
    onMessage: (message) => messages.push(message),
    onActivity: () => activity++,
    onRetry: (ms) => retries.push(ms),
  });
  return { messages, retries, activity };
}

const TEXT =
  ': ping\n\nid: 1\nevent: status\ndata: {"a":1}\n\nid: 2\nevent: asset\ndata: line one\ndata: line two\n\n';

describe('readEventStream', () => {
  it('parses events, ids, multi-line data and skips comments', async () => {
    const { messages } = await parse([TEXT]);
    expect(messages).toEqual([
      { id: '1', event: 'status', data: '{"a":1}' },
      { id: '2', event: 'asset', data: 'line one\nline two' },
    ]);
  });

  it('gives the same events however the bytes are split', async () => {
    const whole = (await parse([TEXT])).messages;
    for (let size = 1; size < 12; size++) {
      const chunks = TEXT.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      expect((await parse(chunks)).messages).toEqual(whole);
    }
  });

  it('handles CRLF and CR line ends, even a CRLF split across chunks', async () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    const whole = (await parse([TEXT])).messages;
    expect((await parse([crlf])).messages).toEqual(whole);
    expect((await parse(crlf.split(/(?<=\r)/))).messages).toEqual(whole);
    expect((await parse([TEXT.replace(/\n/g, '\r')])).messages).toEqual(whole);
  });

  it('keeps the last id for later events, defaults the type to message, reads retry', async () => {
    const { messages, retries } = await parse([
      'id: 7\ndata: x\n\ndata: y\n\nretry: 1500\nretry: soon\ndata:z\n\n',
    ]);
    expect(messages).toEqual([
      { id: '7', event: 'message', data: 'x' },
      { id: '7', event: 'message', data: 'y' },
      { id: '7', event: 'message', data: 'z' },
    ]);
    expect(retries).toEqual([1500]);
  });

  it('drops an event cut off before its blank line, and reports activity for comments', async () => {
    const { messages, activity } = await parse([': ping\n\n', 'data: complete\n\n', 'data: half']);
    expect(messages.map((m) => m.data)).toEqual(['complete']);
    expect(activity).toBe(3);
  });

  it('decodes multi-byte characters split between chunks', async () => {
    const bytes = new TextEncoder().encode('data: Carrousel · 4:5 — été\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const messages: SseMessage[] = [];
    await readEventStream(stream, { onMessage: (message) => messages.push(message) });
    expect(messages[0]?.data).toBe('Carrousel · 4:5 — été');
  });
});
