import type { ReuseMatch } from '@alfie/core/contract';
import { type Catalogue, type Locale, shortDay } from '../i18n/index.js';
import { safeUrl } from './safe-url.js';

export interface ReuseOfferProps {
  match: ReuseMatch;
  t: Catalogue;
  locale: Locale;
  apiUrl: string;
  /** True while the reuse or the new order is being created: both buttons wait. */
  busy?: boolean;
  onReuse(): void;
  onNew(): void;
}

/**
 * Shown in the proposal when the brand already has a matching visual: « Vous avez déjà un visuel
 * proche (3 déc.) », its preview, and the choice between reusing it for free and making a new one.
 * Text only goes through Preact's text nodes, never as HTML.
 */
export function ReuseOffer({ match, t, locale, apiUrl, busy, onReuse, onNew }: ReuseOfferProps) {
  const preview = safeUrl(match.previewUrl, apiUrl);
  return (
    <fieldset class="card reuse" aria-label={t.reuseFound(shortDay(match.createdAt, locale))}>
      <p class="title">{t.reuseFound(shortDay(match.createdAt, locale))}</p>
      {preview && <img class="thumb" src={preview} alt={t.reusePreview} loading="lazy" />}
      <p class="topic">{match.topic}</p>
      <div class="actions">
        <button type="button" class="btn ghost" disabled={busy} onClick={onNew}>
          {t.reuseNew}
        </button>
        <button type="button" class="btn primary" disabled={busy} onClick={onReuse}>
          {t.reuseFree}
        </button>
      </div>
    </fieldset>
  );
}
