import type { ChatSnapshot } from './chat-session.js';

/**
 * Where a chat conversation stands:
 * - `idle`: nothing pending, no order yet;
 * - `proposing`: a request waits for a yes (`proposal`, `description`);
 * - `needs-topic`: a request without a topic; the next message is taken as the topic;
 * - `submitting`: the generate call is in flight;
 * - `watching` / `done`: the order is followed live / has ended;
 * - `error`: the last confirm failed (`error`); the proposal is kept to confirm again or edit.
 */
export type ChatPhase = 'idle' | 'proposing' | 'needs-topic' | 'submitting' | 'watching' | 'done' | 'error';

/** Derived, never stored apart: a pending proposal wins over the previous order's progress. */
export function phaseOf(state: Omit<ChatSnapshot, 'phase'>, submitting: boolean): ChatPhase {
  if (submitting) return 'submitting';
  if (state.error) return 'error';
  if (state.intent) return state.proposal ? 'proposing' : 'needs-topic';
  if (state.orderId) return state.watch.done ? 'done' : 'watching';
  return 'idle';
}
