import type { Draft, OrderView } from '../state/types.js';
import { CarouselViewer } from './CarouselViewer.js';
import { useWidget, useWidgetState } from './context.js';
import { ErrorMessage } from './ErrorMessage.js';
import { ImageResults } from './ImageResults.js';
import { useDraftSummary } from './ProposalCard.js';
import { VideoResult } from './VideoResult.js';

/** A created order: live progress, then its results, or what went wrong with a retry. */
export function OrderCard({ orderId, draft }: { orderId: string; draft: Draft }) {
  const { conversation, t } = useWidget();
  const view = useWidgetState((s) => s.orders[orderId]);
  const summary = useDraftSummary(draft);
  if (!view) return null;

  const failed = view.status === 'failed';
  const partial = view.status === 'partial';
  const percent = Math.round((view.done ? 1 : view.ratio) * 100);
  return (
    <article class="card order" aria-label={summary}>
      <p class="summary">{summary}</p>
      <p class="topic-line">{draft.topic}</p>
      {!view.done && (
        <div class="progress-wrap">
          <div
            class="progress"
            role="progressbar"
            aria-label={summary}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
          >
            <span style={{ width: `${Math.max(4, percent)}%` }} />
          </div>
          <p class="status-line">{statusLine(view, draft, t)}</p>
        </div>
      )}
      {!failed && view.status !== 'canceled' && <Results view={view} draft={draft} />}
      {view.done && (
        <p class={failed || partial ? 'status-line bad' : 'status-line good'}>
          {failed
            ? t.failed
            : partial
              ? t.partial(view.completed, view.expected)
              : view.status === 'canceled'
                ? t.orderCanceled
                : draft.format === 'image' && view.expected > 1
                  ? t.multiDone(view.expected)
                  : t.done[draft.format]}
        </p>
      )}
      {(failed || partial) && (
        <button type="button" class="btn primary small" onClick={() => void conversation.retry(draft)}>
          {t.retry}
        </button>
      )}
      {view.failure && <ErrorMessage error={view.failure} />}
    </article>
  );
}

function statusLine(view: OrderView, draft: Draft, t: ReturnType<typeof useWidget>['t']): string {
  if (draft.format === 'video') return view.ratio > 0 ? t.videoProgress(Math.round(view.ratio * 100)) : t.preparing;
  if (view.assets.length === 0 && view.status === 'pending') return t.preparing;
  return t.slideProgress(view.assets.length, view.expected);
}

function Results({ view, draft }: { view: OrderView; draft: Draft }) {
  if (draft.format === 'carousel') {
    return <CarouselViewer assets={view.assets} expected={view.expected} draft={draft} live={!view.done} />;
  }
  if (draft.format === 'video') return view.assets[0] ? <VideoResult asset={view.assets[0]} draft={draft} /> : null;
  return <ImageResults assets={view.assets} expected={view.done ? view.assets.length : view.expected} draft={draft} />;
}
