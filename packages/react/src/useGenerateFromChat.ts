import type { GenerateRequest, GenerateResponse, WatchSnapshot } from '@alfie/core';
import {
  type DetectOptions,
  describeIntent,
  detectIntent,
  type GenerateIntent,
  type Intent,
  intentToRequest,
} from '@alfie/core/intent';
import { useCallback, useMemo, useRef, useState } from 'react';
import { type UseGenerateResult, useGenerate } from './useGenerate.js';
import { type UseOrderOptions, useOrder } from './useOrder.js';

export interface UseGenerateFromChatOptions extends DetectOptions {
  /** The brand orders are made for; confirming does nothing without one. */
  brandId: string | null | undefined;
  /** Called once when the ordered visual is finished. */
  onCompleted?: UseOrderOptions['onCompleted'];
}

/** A generate request waiting for the user's yes. */
export interface ChatProposal {
  intent: GenerateIntent;
  /** Null while the topic is missing: the next message is taken as the topic. */
  request: GenerateRequest | null;
  /** One line to show, e.g. "Carousel · 5 slides · 4:5 — Marketing trends 2025". */
  summary: string;
}

/** Where the conversation stands. */
export type ChatStep = 'idle' | 'needs-topic' | 'confirming' | 'submitting' | 'watching' | 'done' | 'error';

export interface UseGenerateFromChatResult {
  step: ChatStep;
  proposal: ChatProposal | null;
  /**
   * Reads one user message: a request becomes a `proposal`, "yes" confirms it, "no" drops it, and a
   * message after "which topic?" fills the topic in. Returns the detected intent so the UI can answer
   * the rest itself (`quota`, `library`, `help`, `unknown`).
   */
  send(text: string): Intent;
  /** Orders the proposal (same as the user saying "yes"). */
  confirm(): Promise<GenerateResponse | undefined>;
  /** Drops the proposal. */
  cancel(): void;
  /** Starts over: no proposal, no order. */
  reset(): void;
  /** The generate call: status, data ({ orderId }), typed error. */
  submission: UseGenerateResult;
  /** The ordered visual, live (same as `useOrder(orderId)`). */
  order: WatchSnapshot;
}

/**
 * Chat-driven ordering for apps that draw their own chat UI: intent, then confirm, then generate,
 * then watch. Detection and request building are core's (`detectIntent`, `intentToRequest`,
 * `describeIntent`); this hook only keeps the pending proposal between two messages.
 *
 * @example
 * const chat = useGenerateFromChat({ brandId, locale: 'en' });
 * chat.send('make a 5 slide carousel about marketing trends'); // chat.proposal.summary to show
 * chat.send('yes');                                              // generates, then chat.order is live
 */
export function useGenerateFromChat(options: UseGenerateFromChatOptions): UseGenerateFromChatResult {
  const { brandId, locale, onCompleted } = options;
  const [proposal, setProposalState] = useState<ChatProposal | null>(null);
  // Mirrors the state for handlers, so two messages sent in one event see each other.
  const pending = useRef<ChatProposal | null>(null);
  const setProposal = useCallback((next: ChatProposal | null) => {
    pending.current = next;
    setProposalState(next);
  }, []);
  const submission = useGenerate();
  const { generate, reset: resetGenerate } = submission;
  const order = useOrder(submission.data?.orderId, { onCompleted });

  const propose = useCallback(
    (intent: GenerateIntent, topic?: string) => {
      const request = brandId && (topic ?? intent.topic) ? intentToRequest(intent, { brandId, topic }) : null;
      const described = topic ? { ...intent, topic } : intent;
      setProposal({ intent: described, request, summary: describeIntent(described, locale ?? 'en') });
    },
    [brandId, locale, setProposal],
  );

  const confirm = useCallback(async () => {
    const request = pending.current?.request;
    if (!request) return undefined;
    setProposal(null);
    return generate(request).catch(() => undefined);
  }, [generate, setProposal]);

  const send = useCallback(
    (text: string): Intent => {
      const intent = detectIntent(text, { locale });
      if (intent.kind === 'generate') propose(intent);
      else if (intent.kind === 'confirm') void confirm();
      else if (intent.kind === 'cancel') setProposal(null);
      else if (pending.current && !pending.current.request && text.trim())
        propose(pending.current.intent, text.trim());
      return intent;
    },
    [locale, propose, confirm, setProposal],
  );

  const reset = useCallback(() => {
    setProposal(null);
    resetGenerate();
  }, [resetGenerate, setProposal]);

  const step: ChatStep =
    submission.status === 'submitting'
      ? 'submitting'
      : proposal
        ? proposal.request
          ? 'confirming'
          : 'needs-topic'
        : submission.status === 'error'
          ? 'error'
          : order.done
            ? 'done'
            : submission.data
              ? 'watching'
              : 'idle';

  return useMemo(
    () => ({ step, proposal, send, confirm, cancel: () => setProposal(null), reset, submission, order }),
    [step, proposal, send, confirm, reset, submission, order, setProposal],
  );
}
