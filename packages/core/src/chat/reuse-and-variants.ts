// The reuse offer and the A/B variants of a conversation: looked up, fetched and chosen beside the
// dialog rules, so a failed look-up never stands in the way of a proposal or an order.
import type { ConversationClient, ConversationOptions } from './conversation-options.js';
import { requestFromDraft } from './draft.js';
import type { ChatMessage, ConversationSnapshot } from './messages.js';

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;

export interface ReuseAndVariantsDeps {
  client: ConversationClient;
  options: ConversationOptions;
  brandId(): Promise<string>;
  signal: AbortSignal;
  state(): ConversationSnapshot;
  patch(next: Partial<ConversationSnapshot>): void;
  setProposal(id: string, fields: Partial<Proposal>): void;
  /** Runs a request the user waits for; undefined when it failed (the error is answered). */
  busy<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export function reuseAndVariants(deps: ReuseAndVariantsDeps) {
  const { client, options, brandId, signal, state, patch, setProposal, busy } = deps;
  const { locale } = options;
  const policy = options.reuse ?? 'offer';
  const proposals = () => state().messages.filter((m): m is Proposal => m.type === 'proposal');

  /**
   * Asks whether the brand already has this visual, in the background: the proposal shows it when
   * the answer comes while the proposal is still open and unchanged. A failed look-up shows nothing.
   */
  async function lookUpReuse(id: string): Promise<void> {
    const proposal = proposals().find((m) => m.id === id);
    const match = client.reuse?.match;
    if (!match || policy !== 'offer' || proposal?.state !== 'open' || proposal.repeat) return;
    const { draft } = proposal;
    if (!draft.topic) return;
    try {
      const found = await match(requestFromDraft(draft, await brandId(), locale));
      const now = proposals().find((m) => m.id === id);
      if (!signal.aborted && now?.state === 'open' && now.draft === draft)
        setProposal(id, { reuse: found.match ?? undefined });
    } catch {
      // The proposal stands without an offer.
    }
  }
  const lookUps = new Map<string, ReturnType<typeof setTimeout>>();
  /** Card edits come keystroke by keystroke: one look-up once the typing pauses. */
  function lookUpSoon(id: string): void {
    clearTimeout(lookUps.get(id));
    lookUps.set(
      id,
      setTimeout(() => {
        lookUps.delete(id);
        void lookUpReuse(id);
      }, options.reuseLookupDelay ?? 400),
    );
  }

  /** Fetches an ended order's variants, when it asked for some, so they can be chosen. */
  async function loadVariants(orderId: string): Promise<void> {
    const message = state().messages.find((m) => m.type === 'order' && m.orderId === orderId);
    const get = client.variants?.get;
    if (!get || message?.type !== 'order' || !message.draft.variants) return;
    try {
      const report = await get(orderId);
      const view = state().orders[orderId];
      if (view && !signal.aborted)
        patch({ orders: { ...state().orders, [orderId]: { ...view, variants: report } } });
    } catch {
      // The order's own files still show; the choice can be made from the library.
    }
  }

  async function chooseVariant(orderId: string, variant: number): Promise<void> {
    const choose = client.variants?.choose;
    if (!choose) return;
    const report = await busy(() => choose(orderId, variant));
    const view = state().orders[orderId];
    if (report && view && !signal.aborted)
      patch({ orders: { ...state().orders, [orderId]: { ...view, variants: report } } });
  }

  return {
    lookUpReuse,
    lookUpSoon,
    loadVariants,
    chooseVariant,
    dispose(): void {
      for (const timer of lookUps.values()) clearTimeout(timer);
    },
  };
}
