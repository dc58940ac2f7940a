/**
 * The reuse offer and A/B variants inside core's conversation engine, against the real server
 * in-process (API, worker, local engine, PGlite): a proposal offers the visual the brand already
 * has, which is reused for free or made again; variants asked for in words are ordered, shown and
 * chosen. The API is the ground truth.
 */

import { type RealServer, startRealServer } from '@alfie/test-kit/real-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlfieClient, type Conversation, createAlfieClient, createConversation } from '../src/index.js';
import { until } from './helpers/msw.js';

let real: RealServer;
let client: AlfieClient;
beforeAll(async () => {
  real = await startRealServer({ db: 'pglite', latencyMs: 0 });
  client = createAlfieClient({ baseUrl: real.baseUrl, token: real.user.token });
}, 60_000);
afterAll(() => real?.close());

const chats: Conversation[] = [];
const open = () => {
  const chat = createConversation(client, { brandId: real.brandId, locale: 'fr' });
  chats.push(chat);
  return chat;
};
afterAll(() => {
  for (const chat of chats) chat.dispose();
});

type Message = ReturnType<Conversation['getSnapshot']>['messages'][number];
const last = <T extends Message['type']>(chat: Conversation, type: T) =>
  chat
    .getSnapshot()
    .messages.filter((m): m is Extract<Message, { type: T }> => m.type === type)
    .at(-1);
const ended = (chat: Conversation, orderId: string) =>
  until(() => chat.getSnapshot().orders[orderId]?.done === true, 30_000);
const imagesUsed = async () => (await client.quotas.get(real.brandId)).used.images;

describe('the conversation offers a reuse and orders variants', () => {
  let firstOrderId = '';

  it('makes a first visual: nothing to offer yet', async () => {
    const chat = open();
    await chat.send("Une image sur les soldes d'hiver");
    const proposal = last(chat, 'proposal')!;
    // The look-up has answered once the proposal is confirmed and ordered; no offer was ever shown.
    await chat.send('oui');
    firstOrderId = last(chat, 'order')!.orderId;
    await ended(chat, firstOrderId);
    expect(proposal.reuse).toBeUndefined();
    expect(chat.getSnapshot().messages.some((m) => m.type === 'proposal' && m.reuse)).toBe(false);
  });

  it('offers it to the next request, and reuses it for free', async () => {
    const chat = open();
    const before = await imagesUsed();
    await chat.send("Une image sur les soldes d'hiver !");
    await until(() => !!last(chat, 'proposal')?.reuse, 10_000);
    expect(last(chat, 'proposal')!.reuse).toMatchObject({ orderId: firstOrderId, format: 'image' });

    await chat.send('réutilise-le');
    const order = last(chat, 'order')!;
    expect(order.reusedFrom).toBe(firstOrderId);
    await ended(chat, order.orderId);
    const detail = await client.orders.get(order.orderId);
    expect(detail).toMatchObject({ status: 'completed', reusedFromOrderId: firstOrderId });
    expect(detail.assets.length).toBe(1);
    expect(await imagesUsed()).toBe(before);
    expect(chat.getSnapshot().orders[order.orderId]?.assets.length).toBe(1);
  });

  it('offers it again, and "oui" makes a new one, charged one image', async () => {
    const chat = open();
    const before = await imagesUsed();
    await chat.send("Fais une image sur les soldes d'hiver");
    await until(() => !!last(chat, 'proposal')?.reuse, 10_000);
    await chat.send('oui');
    const order = last(chat, 'order')!;
    expect(order.reusedFrom).toBeUndefined();
    await ended(chat, order.orderId);
    const detail = await client.orders.get(order.orderId);
    expect(detail.status).toBe('completed');
    expect(detail.reusedFromOrderId ?? null).toBeNull();
    expect(await imagesUsed()).toBe(before + 1);

    // "encore" after the result asks for a new render: proposed without an offer, and ordered new.
    await chat.send('encore');
    const again = last(chat, 'proposal')!;
    expect(again).toMatchObject({ state: 'open', repeat: true });
    await chat.send('oui');
    const third = last(chat, 'order')!;
    expect(third.orderId).not.toBe(order.orderId);
    expect(third.reusedFrom).toBeUndefined();
    await ended(chat, third.orderId);
    expect((await client.orders.get(third.orderId)).reusedFromOrderId ?? null).toBeNull();
  });

  it('orders three variants asked for in words, shows them and stores the choice', async () => {
    const chat = open();
    const before = await imagesUsed();
    await chat.send('Une image sur la rentrée en 3 variantes');
    expect(last(chat, 'proposal')!.draft).toMatchObject({
      format: 'image',
      count: 1,
      variants: 3,
      topic: 'la rentrée',
    });
    await chat.send('oui');
    const { orderId } = last(chat, 'order')!;
    await until(() => !!chat.getSnapshot().orders[orderId]?.variants, 30_000);
    const report = chat.getSnapshot().orders[orderId]!.variants!;
    expect(report.variants.map((v) => v.style)).toEqual(['classic', 'bold', 'minimal']);
    expect(new Set(report.variants.map((v) => v.url)).size).toBe(3);
    expect(await imagesUsed()).toBe(before + 3);
    expect((await client.orders.get(orderId)).variants).toBe(3);

    await chat.chooseVariant(orderId, 2);
    expect(chat.getSnapshot().orders[orderId]!.variants!.chosenVariant).toBe(2);
    expect((await client.variants.get(orderId)).chosenVariant).toBe(2);
  });
});
