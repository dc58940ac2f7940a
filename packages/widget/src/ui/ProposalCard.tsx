import { FORMATS, type Format, LIMITS, RATIOS, type Ratio } from '@alfie/core/contract';
import { draftCost } from '../state/draft.js';
import type { ChatMessage, Draft } from '../state/types.js';
import { useWidget, useWidgetState } from './context.js';

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;

/** One line summary of a draft: "Carrousel · 3 slides · 4:5". */
export function useDraftSummary(draft: Draft): string {
  const { t } = useWidget();
  const amount =
    draft.format === 'video' ? `${draft.duration} s` : draft.format === 'carousel' ? `${draft.count} slides` : `×${draft.count}`;
  return `${t.formats[draft.format]} · ${amount} · ${draft.ratio}`;
}

/** The proposal made from a request: every field editable, the cost against what remains. */
export function ProposalCard({ message }: { message: Proposal }) {
  const { conversation, t } = useWidget();
  const quota = useWidgetState((s) => s.quota);
  const { draft, id } = message;
  const summary = useDraftSummary(draft);

  if (message.state !== 'open') {
    return (
      <div class="card compact">
        <p class="summary">{summary}</p>
        <p class="topic-line">{draft.topic}</p>
        <p class={message.state === 'sent' ? 'badge ok' : 'badge'}>
          {message.state === 'sent' ? t.sent : t.canceledCard}
        </p>
      </div>
    );
  }

  const edit = (patch: Partial<Draft>) => conversation.editDraft(id, patch);
  const cost = draftCost(draft, quota);
  const range = draft.format === 'carousel' ? LIMITS.carouselSlides : LIMITS.imageCount;
  const field = (name: string) => `alfie-${id}-${name}`;

  return (
    <form
      class="card proposal"
      aria-labelledby={field('title')}
      onSubmit={(event) => {
        event.preventDefault();
        void conversation.confirm(id);
      }}
    >
      <p class="card-title" id={field('title')}>
        {t.proposalTitle}
      </p>
      <div class="grid">
        <label for={field('format')}>{t.format}</label>
        <select
          id={field('format')}
          value={draft.format}
          onChange={(e) => edit({ format: e.currentTarget.value as Format })}
        >
          {FORMATS.map((format) => (
            <option key={format} value={format}>
              {t.formats[format]}
            </option>
          ))}
        </select>
        {draft.format === 'video' ? (
          <>
            <label for={field('duration')}>{t.duration}</label>
            <input
              id={field('duration')}
              type="number"
              min={LIMITS.videoDuration.min}
              max={LIMITS.videoDuration.max}
              value={draft.duration ?? LIMITS.videoDuration.default}
              onChange={(e) => edit({ duration: Number(e.currentTarget.value) })}
            />
          </>
        ) : (
          <>
            <label for={field('count')}>{t.count(draft.format)}</label>
            <input
              id={field('count')}
              type="number"
              min={range.min}
              max={range.max}
              value={draft.count}
              onChange={(e) => edit({ count: Number(e.currentTarget.value) })}
            />
          </>
        )}
        <label for={field('ratio')}>{t.ratio}</label>
        <select id={field('ratio')} value={draft.ratio} onChange={(e) => edit({ ratio: e.currentTarget.value as Ratio })}>
          {RATIOS.map((ratio) => (
            <option key={ratio} value={ratio}>
              {ratio}
            </option>
          ))}
        </select>
      </div>
      <label class="topic-label" for={field('topic')}>
        {t.topic}
      </label>
      <textarea
        id={field('topic')}
        rows={2}
        maxLength={LIMITS.topicLength.max}
        placeholder={t.topicPlaceholder}
        value={draft.topic}
        aria-required="true"
        onInput={(e) => edit({ topic: e.currentTarget.value })}
      />
      <p class={cost.exceeds ? 'cost warn' : 'cost'}>
        {cost.remaining === null && quota?.bypass
          ? `${t.cost(cost.amount, cost.unit, null)} · ${t.unlimited}`
          : t.cost(cost.amount, cost.unit, cost.remaining)}
        {cost.woofs > 0 && ` · ${t.woofs(cost.woofs)}`}
      </p>
      {cost.exceeds && <p class="warn-text">{t.overQuota}</p>}
      <div class="actions">
        <button type="button" class="btn ghost" onClick={() => conversation.cancel(id)}>
          {t.cancel}
        </button>
        <button type="submit" class="btn primary" disabled={!draft.topic.trim()}>
          {t.confirm}
        </button>
      </div>
    </form>
  );
}
