import { EventStreams } from '@alfie/test-kit/event-stream';
import { makeDetail, slideDone } from '@alfie/test-kit/fixtures';
import { act, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type UseGenerateFromChatResult, useGenerateFromChat, useIntent } from '../src/index.js';
import { BASE_URL, renderWithAlfie } from './helpers/render.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function serveGenerate(streams: EventStreams) {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${BASE_URL}/v1/generate`, async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json({ orderId: 'chat-order', jobId: 'job-1' }, { status: 202 });
    }),
    http.get(`${BASE_URL}/v1/orders/chat-order`, () =>
      HttpResponse.json(makeDetail('chat-order', { count: 2 })),
    ),
    http.get(`${BASE_URL}/v1/orders/chat-order/events`, ({ request }) => streams.respond(request)),
  );
  return bodies;
}

type ChatRef = { current: UseGenerateFromChatResult };

function Chat({ into, onCompleted }: { into: ChatRef; onCompleted?: () => void }) {
  const chat = useGenerateFromChat({ brandId: 'brand-1', locale: 'en', onCompleted });
  into.current = chat;
  return (
    <p data-testid="step">
      {chat.phase}:{chat.watch.assets.length}
    </p>
  );
}

function renderChat(onCompleted?: () => void) {
  const chat = { current: null } as unknown as ChatRef;
  renderWithAlfie(<Chat into={chat} onCompleted={onCompleted} />);
  return chat;
}

const intentsSeen: unknown[] = [];
function IntentProbe({ text }: { text: string }) {
  const intent = useIntent(text);
  intentsSeen.push(intent);
  return (
    <p data-testid="kind">{intent.kind === 'generate' ? `${intent.format}:${intent.count}` : intent.kind}</p>
  );
}

describe('useGenerateFromChat', () => {
  it('goes intent → proposal → confirm → generate → live order', async () => {
    const streams = new EventStreams();
    const bodies = serveGenerate(streams);
    const onCompleted = vi.fn();
    const chat = renderChat(onCompleted);

    act(() => {
      chat.current.send('make a 2 slide carousel about coffee for instagram');
    });
    expect(chat.current.phase).toBe('proposing');
    expect(chat.current.description).toContain('Carousel · 2 slides · 4:5');
    expect(bodies).toHaveLength(0); // nothing is ordered before the user says yes

    let intentKind = '';
    act(() => {
      intentKind = chat.current.send('yes').kind;
    });
    expect(intentKind).toBe('confirm');
    await waitFor(() => expect(chat.current.phase).toBe('watching'));
    expect(bodies).toEqual([
      {
        format: 'carousel',
        count: 2,
        topic: expect.stringMatching(/coffee/),
        brandId: 'brand-1',
        ratio: '4:5',
        locale: 'en',
      },
    ]);

    await waitFor(() => expect(streams.count()).toBe(1));
    for (const index of [0, 1])
      for (const event of slideDone('chat-order', index)) act(() => streams.push(event));
    act(() =>
      streams.push({
        type: 'end',
        orderId: 'chat-order',
        status: 'completed',
        completedCount: 2,
        expectedTotal: 2,
      }),
    );
    await waitFor(() => expect(screen.getByTestId('step').textContent).toBe('done:2'));
    expect(onCompleted).toHaveBeenCalledTimes(1);
  });

  it('handles a request and its "yes" sent in the same event', async () => {
    const bodies = serveGenerate(new EventStreams());
    const chat = renderChat();
    act(() => {
      chat.current.send('a 2 slide carousel about coffee');
      chat.current.send('yes');
    });
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toMatchObject({ format: 'carousel', count: 2 });
  });

  it('asks for a missing topic, takes the next message as the topic, and cancels on "no"', async () => {
    const bodies = serveGenerate(new EventStreams());
    const chat = renderChat();
    act(() => {
      chat.current.send('make a carousel');
    });
    expect(chat.current.phase).toBe('needs-topic');
    expect(chat.current.proposal).toBeNull();

    act(() => {
      chat.current.send('our new espresso machine');
    });
    expect(chat.current.phase).toBe('proposing');
    expect(chat.current.proposal).toMatchObject({
      format: 'carousel',
      topic: 'our new espresso machine',
    });

    act(() => {
      chat.current.send('no, never mind');
    });
    expect(chat.current.phase).toBe('idle');
    expect(chat.current.proposal).toBeNull();
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(bodies).toHaveLength(0);
  });
});

describe('useGenerateFromChat errors and edits', () => {
  it('shows a quota refusal as a typed error; an edit clears it and a yes orders the edit', async () => {
    let refuse = true;
    const bodies: unknown[] = [];
    server.use(
      http.post(`${BASE_URL}/v1/generate`, async ({ request }) => {
        bodies.push(await request.json());
        if (refuse)
          return HttpResponse.json(
            {
              error: {
                code: 'QUOTA_EXCEEDED',
                message: 'No images left',
                details: {
                  remaining: { images: 1, videos: 0, woofs: 0 },
                  resetsAt: '2026-12-01T00:00:00.000Z',
                },
              },
            },
            { status: 402 },
          );
        return HttpResponse.json({ orderId: 'chat-order', jobId: 'job-1' }, { status: 202 });
      }),
      http.get(`${BASE_URL}/v1/orders/chat-order`, () =>
        HttpResponse.json(makeDetail('chat-order', { count: 1 })),
      ),
      http.get(`${BASE_URL}/v1/orders/chat-order/events`, ({ request }) =>
        new EventStreams().respond(request),
      ),
    );
    const chat = renderChat();
    act(() => {
      chat.current.send('3 images of our sneakers');
      chat.current.send('yes');
    });
    await waitFor(() => expect(chat.current.phase).toBe('error'));
    const { error } = chat.current;
    expect(error?.code === 'QUOTA_EXCEEDED' && error.remaining.images).toBe(1);
    expect(screen.getByTestId('step').textContent).toBe('error:0');

    refuse = false;
    act(() => chat.current.update({ count: 1 }));
    expect(chat.current).toMatchObject({
      phase: 'proposing',
      error: null,
      description: 'Image · 1:1 — Our sneakers',
    });
    await act(() => chat.current.confirm());
    await waitFor(() => expect(chat.current.phase).toBe('watching'));
    expect(bodies[1]).toMatchObject({ format: 'image', count: 1 });
    act(() => chat.current.reset());
    expect(chat.current).toMatchObject({ phase: 'idle', orderId: null });
  });
});

describe('useIntent', () => {
  it('detects what a message asks for and only recomputes when the text changes', () => {
    intentsSeen.length = 0;
    const { rerender } = renderWithAlfie(<IntentProbe text="7 slides on freelancing tips" />, {
      strict: false,
    });
    expect(screen.getByTestId('kind').textContent).toBe('carousel:7');
    rerender(<IntentProbe text="7 slides on freelancing tips" />);
    expect(intentsSeen[0]).toBe(intentsSeen[1]);
    rerender(<IntentProbe text="how many credits do I have left" />);
    expect(screen.getByTestId('kind').textContent).toBe('quota');
  });
});
