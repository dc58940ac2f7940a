import type { VariantsReport } from '@alfie/core/contract';
import type { Catalogue } from '../i18n/index.js';
import { safeUrl } from './safe-url.js';

export interface VariantPickerProps {
  report: VariantsReport;
  t: Catalogue;
  apiUrl: string;
  /** True while a choice is being stored. */
  busy?: boolean;
  onChoose(variant: number): void;
}

/**
 * An order's A/B variants side by side, each with a choose button; the chosen one is marked
 * (`aria-pressed`) and the verdict, once there is data, is said in words under them.
 */
export function VariantPicker({ report, t, apiUrl, busy, onChoose }: VariantPickerProps) {
  return (
    <section class="card variants" aria-label={t.variantsTitle(report.variants.length)}>
      <ul class="variant-row">
        {report.variants.map((v) => {
          const label = t.variantLabel(v.variant + 1, v.style);
          const url = safeUrl(v.url, apiUrl);
          return (
            <li key={v.variant} class={v.chosen ? 'variant chosen' : 'variant'}>
              {url ? <img src={url} alt={label} loading="lazy" /> : <p class="st bad">{t.variantMissing}</p>}
              <button
                type="button"
                class={v.chosen ? 'btn primary small' : 'btn ghost small'}
                aria-pressed={v.chosen}
                aria-label={`${v.chosen ? t.chosen : t.choose} : ${label}`}
                disabled={busy || !url}
                onClick={() => onChoose(v.variant)}
              >
                {v.chosen ? t.chosen : t.choose}
              </button>
            </li>
          );
        })}
      </ul>
      {report.verdict.status !== 'too_few_data' && <p class="st">{report.verdict.summary}</p>}
    </section>
  );
}
