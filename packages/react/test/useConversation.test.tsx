import { createAlfieClient } from '@alfie/core';
import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlfieProvider, type UseConversationResult, useConversation } from '../src/index.js';

type ChatRef = { current: UseConversationResult };

function Chat({ brandId, into, onHandoff }: { brandId: string; into: ChatRef; onHandoff: () => void }) {
  const chat = useConversation({ brandId, locale: 'fr', onHandoff });
  into.current = chat;
  const order = chat.messages.findLast((m) => m.type === 'order');
  const view = order?.type === 'order' ? chat.orders[order.orderId] : undefined;
  return (
    <p data-testid="chat">
      {chat.messages.length}:{view ? `${view.status}:${view.assets.length}` : 'none'}
    </p>
  );
}

describe('useConversation against the real server', () => {
  let real: RealServer;
  beforeAll(async () => {
    real = await startRealServer({ latencyMs: 0 });
  }, 60_000);
  afterAll(() => real?.close());

  it('corrects the proposal, orders it once in French, follows it live, and hands off to a person', async () => {
    const chat = { current: null } as unknown as ChatRef;
    const handoffs: unknown[] = [];
    const client = createAlfieClient({ baseUrl: real.baseUrl, token: real.user.token });
    render(
      <StrictMode>
        <AlfieProvider client={client}>
          <Chat brandId={real.brandId} into={chat} onHandoff={() => handoffs.push(1)} />
        </AlfieProvider>
      </StrictMode>,
    );
    await act(() => chat.current.send('Crée un carrousel de 5 slides sur le pain'));
    await act(() => chat.current.send('plutôt 2 slides'));
    await act(() => chat.current.send('oui'));
    await act(() => chat.current.send('oui')); // a second yes orders nothing more
    await waitFor(() => expect(screen.getByTestId('chat').textContent).toMatch(/:completed:2$/), {
      timeout: 20_000,
    });
    const { data } = await client.orders.list({ brandId: real.brandId });
    expect(data).toHaveLength(1);
    const detail = await client.orders.get(data[0]!.id);
    expect(detail).toMatchObject({ type: 'carousel', count: 2, topic: 'le pain' });
    // The slides are written in the conversation's language.
    expect(detail.assets.map((a) => a.text?.title ?? '').join(' ')).toMatch(
      /\b(le|la|les|des|du|pour|et)\b/i,
    );

    await act(() => chat.current.send('je veux parler à un humain'));
    expect(handoffs).toHaveLength(1);
  }, 40_000);
});
