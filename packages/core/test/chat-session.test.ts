import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ChatSession,
  createAlfieBaseClient,
  createAlfieClient,
  createChatSession,
  idleWatchSnapshot,
} from '../src/index.js';
import { api, BASE, until, useMswServer } from './helpers/msw.js';
import { orderServer } from './helpers/order-server.js';

const server = useMswServer();
const client = () =>
  createAlfieClient({ baseUrl: BASE, token: 't', retry: 0, live: { firstEventTimeout: 0 } });

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Serves POST /v1/generate (answering order ord_1, or the error given) and records bodies and keys. */
function serveGenerate(
  answer: () => Response = () => HttpResponse.json({ orderId: 'ord_1', jobId: 'j1' }, { status: 202 }),
) {
  const calls: Array<{ body: unknown; key: string | null }> = [];
  server.use(
    http.post(api('/v1/generate'), async ({ request }) => {
      calls.push({ body: await request.json(), key: request.headers.get('idempotency-key') });
      return answer();
    }),
  );
  return calls;
}

function open(locale: 'fr' | 'en') {
  const chat = createChatSession(client(), { brandId: 'b1', locale });
  const phases: string[] = [];
  cleanups.push(chat.subscribe(() => phases.push(chat.getSnapshot().phase)));
  return { chat, phases, now: () => chat.getSnapshot() };
}

const quotaError = () =>
  HttpResponse.json(
    {
      error: {
        code: 'QUOTA_EXCEEDED',
        message: 'No images left',
        details: {
          remaining: { images: 1, videos: 0, woofs: 0 },
          requested: null,
          resetsAt: '2026-12-01T00:00:00.000Z',
        },
      },
    },
    { status: 402 },
  );

describe('createChatSession (EN)', () => {
  it('proposes, orders on "yes", then follows the order live to done', async () => {
    const order = orderServer(server);
    const calls = serveGenerate();
    const { chat, phases, now } = open('en');
    expect(now()).toMatchObject({ phase: 'idle', proposal: null, orderId: null });
    expect(now().watch).toBe(idleWatchSnapshot);

    expect(chat.send('make a 4 slide carousel about coffee for instagram').kind).toBe('generate');
    expect(now()).toMatchObject({
      phase: 'proposing',
      proposal: { format: 'carousel', count: 4, ratio: '4:5', topic: 'coffee', brandId: 'b1' },
      description: 'Carousel · 4 slides · 4:5 · Instagram — Coffee',
      intent: { kind: 'generate', platform: 'instagram' },
    });
    expect(calls).toHaveLength(0); // nothing is ordered before the yes

    expect(chat.send('yes').kind).toBe('confirm');
    expect(now().phase).toBe('submitting');
    await until(() => now().phase === 'watching' && now().watch.connection === 'live');
    expect(calls).toEqual([
      {
        body: { format: 'carousel', count: 4, ratio: '4:5', topic: 'coffee', brandId: 'b1', locale: 'en' },
        key: expect.any(String),
      },
    ]);
    expect(now()).toMatchObject({ orderId: 'ord_1', proposal: null, intent: null, description: null });

    order.sendNext(100);
    await until(() => now().phase === 'done');
    expect(now().watch.assets).toHaveLength(4);
    expect(phases.filter((phase, i) => phase !== phases[i - 1])).toEqual([
      'proposing',
      'submitting',
      'watching',
      'done',
    ]);
  });

  it('asks for a missing topic, takes the answer, and keeps asking when a platform is only mentioned', () => {
    const calls = serveGenerate();
    const { chat, now } = open('en');
    chat.send('make a carousel');
    expect(now()).toMatchObject({ phase: 'needs-topic', proposal: null });
    expect(now().description).toContain('topic needed');
    chat.send('Instagram tips'); // a platform, no format word: an answer, not a new request
    expect(now()).toMatchObject({
      phase: 'proposing',
      proposal: { format: 'carousel', count: 5, topic: 'Instagram tips' },
      description: 'Carousel · 5 slides · 4:5 — Instagram tips',
    });
    expect(now().intent?.warnings).not.toContain('topic_missing');
    chat.send('never mind');
    expect(now()).toMatchObject({ phase: 'idle', proposal: null, intent: null, description: null });
    expect(calls).toHaveLength(0);
  });

  it('edits a pending proposal: count, ratio, then format', () => {
    serveGenerate();
    const { chat, now } = open('en');
    chat.update({ count: 3 }); // nothing pending: no effect
    expect(now().phase).toBe('idle');
    chat.send('a carousel about our new espresso machine');
    chat.update({ count: 7, ratio: '1:1' });
    expect(now()).toMatchObject({
      phase: 'proposing',
      proposal: { format: 'carousel', count: 7, ratio: '1:1' },
      description: 'Carousel · 7 slides · 1:1 — Our new espresso machine',
    });
    chat.update({ format: 'video', duration: 90 });
    expect(now().proposal).toEqual({
      format: 'video',
      duration: 60,
      ratio: '1:1',
      topic: 'our new espresso machine',
      brandId: 'b1',
      locale: 'en',
    });
    chat.update({ format: 'carousel', count: 1 });
    expect(now().proposal).toMatchObject({ format: 'carousel', count: 2 }); // clamped to the format's range
  });

  it('keeps a quota refusal as a typed error, and confirming again reuses the idempotency key', async () => {
    let refuse = true;
    orderServer(server);
    const calls = serveGenerate(() =>
      refuse ? quotaError() : HttpResponse.json({ orderId: 'ord_1', jobId: 'j1' }, { status: 202 }),
    );
    const { chat, now } = open('en');
    chat.send('3 square images of our sneakers');
    await expect(chat.confirm()).resolves.toBeUndefined();
    const { error } = now();
    expect(now().phase).toBe('error');
    expect(error?.code === 'QUOTA_EXCEEDED' && error.remaining.images).toBe(1);
    expect(now().proposal).toMatchObject({ format: 'image', count: 3 }); // kept, to retry or edit

    chat.update({ count: 1 });
    expect(now()).toMatchObject({ phase: 'proposing', error: null });
    await chat.confirm();
    chat.update({ count: 1 }); // no-op once ordered: nothing pending
    expect(calls).toHaveLength(2);
    expect(calls[1]!.key).not.toBe(calls[0]!.key); // an edited request is a new request

    refuse = true;
    chat.send('an image about socks');
    await chat.confirm();
    refuse = false;
    const response = await chat.confirm();
    expect(response).toEqual({ orderId: 'ord_1', jobId: 'j1' });
    expect(calls[3]!.key).toBe(calls[2]!.key); // the same proposal: the same key, never two orders
  });
});

describe('createChatSession (FR)', () => {
  it('demande le sujet, propose, puis annule sur « non annule »', async () => {
    const calls = serveGenerate();
    const { chat, now } = open('fr');
    chat.send('fais-moi un carrousel');
    expect(now()).toMatchObject({
      phase: 'needs-topic',
      description: 'Carrousel · 5 slides · 4:5 — (sujet à préciser)',
    });
    chat.send('sur les tendances marketing 2025');
    expect(now()).toMatchObject({
      phase: 'proposing',
      proposal: { format: 'carousel', count: 5, topic: 'les tendances marketing 2025' },
      description: 'Carrousel · 5 slides · 4:5 — Les tendances marketing 2025',
    });
    expect(chat.send('non annule').kind).toBe('cancel');
    expect(now()).toMatchObject({ phase: 'idle', proposal: null });
    expect(chat.send('oui').kind).toBe('confirm'); // nothing pending: nothing to order
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toHaveLength(0);
  });

  it('commande une vidéo sur « oui vas-y » et la suit', async () => {
    const order = orderServer(server);
    const calls = serveGenerate();
    const { chat, now } = open('fr');
    chat.send('une vidéo de 15 secondes sur le café');
    expect(now().description).toBe('Vidéo · 15 s · 9:16 — Le café');
    chat.send('oui vas-y');
    await until(() => now().phase === 'watching');
    expect(calls[0]!.body).toEqual({
      format: 'video',
      duration: 15,
      ratio: '9:16',
      topic: 'le café',
      brandId: 'b1',
      locale: 'fr', // the slides' texts come out in French
    });
    order.sendNext(100);
    await until(() => now().phase === 'done');
  });
});

describe('createChatSession lifecycle', () => {
  it('follows the order only while subscribed, and reset() stops following it', async () => {
    const order = orderServer(server);
    serveGenerate();
    const chat: ChatSession = createChatSession(client(), { brandId: 'b1' });
    chat.send('a 4 slide carousel about tea');
    await chat.confirm();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order.connections).toHaveLength(0); // nobody listens: no stream
    const unsubscribe = chat.subscribe(() => {});
    await until(() => chat.getSnapshot().watch.connection === 'live');
    unsubscribe();
    chat.subscribe(() => {}); // StrictMode: same connection
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order.connections).toHaveLength(1);
    chat.reset();
    await until(() => order.connections[0]!.stream.state.cancelled);
    expect(chat.getSnapshot()).toMatchObject({ phase: 'idle', orderId: null, watch: idleWatchSnapshot });
  });

  it("works on createAlfieBaseClient too (the widget's client)", async () => {
    const order = orderServer(server);
    serveGenerate();
    const base = createAlfieBaseClient({
      baseUrl: BASE,
      token: 't',
      retry: 0,
      live: { firstEventTimeout: 0 },
    });
    const chat = createChatSession(base, { brandId: 'b1', locale: 'en' });
    cleanups.push(chat.subscribe(() => {}));
    chat.send('an image about socks');
    chat.send('go ahead');
    await until(() => chat.getSnapshot().watch.connection === 'live');
    order.sendNext(100);
    await until(() => chat.getSnapshot().phase === 'done');
    chat.reset(); // closes the watcher: the base client's registry needs that
    await until(() => order.connections.every((c) => c.stream.state.cancelled || c.stream.state.closed));
  });
});
