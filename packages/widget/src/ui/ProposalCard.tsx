import { FORMATS, LIMITS, RATIOS } from '@alfie/core';
import { draftCost } from '../state/draft-cost.js';
import type { ChatMessage, Draft } from '../state/types.js';
import { useWidget, useWidgetState } from './context.js';
import { Extra } from './Extra.js';

type Proposal = Extract<ChatMessage, { type: 'proposal' }>;

/** One line summary of a draft: "Carrousel · 3 slides · 4:5". */
export function useDraftSummary(draft: Draft): string {
  const { t } = useWidget();
  const amount =
    draft.format === 'video'
      ? `${draft.duration} s`
      : draft.format === 'carousel'
        ? `${draft.count} slides`
        : `×${draft.count}`;
  return `${t.formats[draft.format]} · ${amount} · ${draft.ratio}`;
}

/** The proposal made from a request: every field editable, the cost against what remains. */
export function ProposalCard({ message }: { message: Proposal }) {
  const { conversation, t, locale, apiUrl } = useWidget();
  const quota = useWidgetState((s) => s.quota);
  const { draft, id } = message;
  const summary = useDraftSummary(draft);

  // A sent proposal gives way to its order card, which repeats the summary.
  if (message.state === 'sent') return null;
  if (message.state === 'canceled') {
    return (
      <div class="card compact">
        <p class="sum">{summary}</p>
        <p class="topic">{draft.topic}</p>
        <p class="st">{t.canceledCard}</p>
      </div>
    );
  }

  const edit = (patch: Partial<Draft>) => conversation.editProposal(id, patch);
  const cost = draftCost(draft, quota);
  const video = draft.format === 'video';
  const range = video
    ? LIMITS.videoDuration
    : draft.format === 'carousel'
      ? LIMITS.carouselSlides
      : LIMITS.imageCount;
  const field = (name: string) => `${id}-${name}`;

  return (
    <form
      class="card"
      aria-labelledby={field('t')}
      onSubmit={(event) => {
        event.preventDefault();
        void conversation.confirm(id);
      }}
    >
      <p class="title" id={field('t')}>
        {t.proposalTitle}
      </p>
      <div class="grid">
        <Choice
          id={field('f')}
          label={t.format}
          value={draft.format}
          options={FORMATS}
          text={(format) => t.formats[format]}
          onChange={(format) => edit({ format })}
        />
        <label for={field('n')}>{video ? t.duration : t.count(draft.format)}</label>
        <input
          id={field('n')}
          type="number"
          min={range.min}
          max={range.max}
          value={video ? (draft.duration ?? range.default) : draft.count}
          onChange={(e) => {
            const value = Number(e.currentTarget.value);
            edit(video ? { duration: value } : { count: value });
          }}
        />
        <Choice
          id={field('r')}
          label={t.ratio}
          value={draft.ratio}
          options={RATIOS}
          onChange={(ratio) => edit({ ratio })}
        />
      </div>
      <label for={field('s')}>{t.topic}</label>
      <textarea
        id={field('s')}
        rows={2}
        maxLength={LIMITS.topicLength.max}
        placeholder={t.topicPlaceholder}
        value={draft.topic}
        aria-required="true"
        onInput={(e) => edit({ topic: e.currentTarget.value })}
      />
      {message.warnings?.map((warning) => (
        <p key={warning} class="cost warn">
          {warning === 'count_clamped' ? t.countClamped(range.max) : t.durationClamped(range.max)}
        </p>
      ))}
      {draft.variants && <p class="cost">{t.variantCost(draft.variants)}</p>}
      <p class={cost.exceeds ? 'cost warn' : 'cost'}>
        {t.cost(cost.amount, cost.unit, cost.remaining)}
        {cost.woofs > 0 && ` · ${t.woofs(cost.woofs)}`}
        {quota?.bypass && ` · ${t.unlimited}`}
        {cost.exceeds && ` — ${t.overQuota}`}
      </p>
      {message.reuse && (
        <Extra
          name="ReuseOffer"
          props={{
            match: message.reuse,
            t,
            locale,
            apiUrl,
            onReuse: () => void conversation.reuseProposal(id),
            onNew: () => void conversation.confirm(id),
          }}
        />
      )}
      <div class="actions">
        <button type="button" class="btn ghost" onClick={() => conversation.dropProposal(id)}>
          {t.cancel}
        </button>
        {/* With an offer, its "make a new one" is the confirm button. */}
        {!message.reuse && (
          <button type="submit" class="btn primary" disabled={!draft.topic.trim()}>
            {t.confirm}
          </button>
        )}
      </div>
    </form>
  );
}

/** A label and its select in the proposal grid; `text` names an option (formats are translated). */
function Choice<T extends string>(props: {
  id: string;
  label: string;
  value: T;
  options: readonly T[];
  text?: (option: T) => string;
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value as T)}>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.text ? props.text(option) : option}
          </option>
        ))}
      </select>
    </>
  );
}
