import { useEffect, useRef, useState } from 'preact/hooks';
import { SLOW_ORDER_MS } from '../state/conversation-binding.js';
import type { Draft, OrderView } from '../state/types.js';
import { CarouselViewer } from './CarouselViewer.js';
import { useWidget, useWidgetState } from './context.js';
import { ErrorMessage } from './ErrorMessage.js';
import { Extra } from './Extra.js';
import { ImageResults, VideoResult } from './Media.js';
import { useDraftSummary } from './ProposalCard.js';

/** A created order: live progress, then its results, or what went wrong with a retry. */
export function OrderCard({ orderId, draft, reused }: { orderId: string; draft: Draft; reused?: boolean }) {
  const { conversation, t, apiUrl } = useWidget();
  const view = useWidgetState((s) => s.orders[orderId]);
  const summary = useDraftSummary(draft);
  const card = useRef<HTMLElement>(null);
  const [slow, setSlow] = useState(false);
  const running = view ? !view.done : false;
  const fresh = view?.status === 'pending' && view.completed === 0;
  useEffect(() => {
    // A just-confirmed order takes the focus, so keyboard and screen reader users land on it.
    if (fresh) card.current?.focus();
  }, []);
  useEffect(() => {
    if (!running) return setSlow(false);
    const timer = setTimeout(() => setSlow(true), SLOW_ORDER_MS);
    return () => clearTimeout(timer);
  }, [running]);
  if (!view) return null;

  const { status, done } = view;
  const failed = status === 'failed' || status === 'canceled';
  const percent = Math.round(view.ratio * 100);
  const ready = view.assets.length;
  const end =
    status === 'failed'
      ? t.failed
      : status === 'partial'
        ? t.partial(view.completed, view.expected)
        : status === 'canceled'
          ? t.orderCanceled
          : draft.format === 'image' && view.expected > 1
            ? t.multiDone(view.expected)
            : t.done[draft.format];

  return (
    <article ref={card} class="card" aria-label={summary} tabIndex={-1}>
      <p class="sum">{summary}</p>
      <p class="topic">{draft.topic}</p>
      {!done && (
        <>
          <div
            class="bar"
            role="progressbar"
            aria-label={summary}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${Math.max(4, percent)}%` }} />
          </div>
          <p class="st">
            {draft.format === 'video'
              ? percent > 0
                ? t.videoProgress(percent)
                : t.preparing
              : ready
                ? t.slideProgress(ready, view.expected)
                : t.preparing}
          </p>
          {slow && <p class="st">{t.slow}</p>}
          <button
            type="button"
            class="btn ghost small"
            onClick={() => void conversation.cancelOrder(orderId)}
          >
            {t.cancelOrder}
          </button>
        </>
      )}
      {view.redoing?.map((slide) => (
        <p key={slide} class="st">
          {t.redoing(slide)}
        </p>
      ))}
      {view.variants ? (
        <Extra
          name="VariantPicker"
          props={{
            report: view.variants,
            t,
            apiUrl,
            onChoose: (variant) => void conversation.chooseVariant(orderId, variant),
          }}
        />
      ) : null}
      {!failed && !(view.variants && draft.format === 'image') && <Results view={view} draft={draft} />}
      {reused && done && <p class="st good">{t.reused}</p>}
      {done && <p class={failed || status === 'partial' ? 'st bad' : 'st good'}>{end}</p>}
      {status === 'failed' && (
        <button type="button" class="btn primary small" onClick={() => void conversation.retry(draft)}>
          {t.retry}
        </button>
      )}
      {view.failure && <ErrorMessage error={view.failure} />}
    </article>
  );
}

function Results({ view, draft }: { view: OrderView; draft: Draft }) {
  if (draft.format === 'carousel') {
    // The other cover variants are drawn after the last slide: the picker shows them, not the viewer.
    const slides = view.assets.filter((a) => (a.slideIndex ?? 0) < draft.count);
    return <CarouselViewer assets={slides} expected={draft.count} draft={draft} live={!view.done} />;
  }
  if (draft.format === 'video')
    return view.assets[0] ? <VideoResult asset={view.assets[0]} draft={draft} /> : null;
  return (
    <ImageResults
      assets={view.assets}
      expected={view.done ? view.assets.length : view.expected}
      draft={draft}
    />
  );
}
