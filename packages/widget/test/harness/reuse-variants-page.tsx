// The page the Chromium test loads: the reuse offer and the variant picker, fed and driven by the
// real server through core's base client, exactly as the panel would call them.
import { createAlfieBaseClient, isReuseOffer } from '@alfie/core';
import type { GenerateRequest, VariantsReport } from '@alfie/core/contract';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { catalogueFor } from '../../src/i18n/index.js';
import { ReuseOffer } from '../../src/ui/ReuseOffer.js';
import { REUSE_VARIANTS_CSS } from '../../src/ui/reuse-variants-styles.js';
import { VariantPicker } from '../../src/ui/VariantPicker.js';

declare global {
  interface Window {
    harness: { token: string; request: GenerateRequest; variantsOrderId: string };
    outcome: string[];
  }
}

const { token, request, variantsOrderId } = window.harness;
const client = createAlfieBaseClient({ baseUrl: location.origin, token });
window.outcome = [];
const sheet = new CSSStyleSheet();
sheet.replaceSync(REUSE_VARIANTS_CSS);
document.adoptedStyleSheets = [sheet];

function Offer() {
  const [state, setState] = useState<'asking' | 'offered' | 'done'>('asking');
  const [offer, setOffer] = useState<Awaited<ReturnType<typeof client.generate>> | null>(null);
  useEffect(() => {
    void client.generate({ ...request, reuse: 'offer' }).then((result) => {
      setOffer(result);
      setState('offered');
    });
  }, []);
  if (state === 'asking') return <p>…</p>;
  if (!offer || !isReuseOffer(offer) || state === 'done') return <p id="offer-state">{state}</p>;
  return (
    <ReuseOffer
      match={offer.offer}
      t={catalogueFor('fr')}
      locale="fr"
      apiUrl={location.origin}
      onNew={() => window.outcome.push('new')}
      onReuse={() =>
        void client.generate({ ...request, reuseOf: offer.offer.orderId }).then((created) => {
          window.outcome.push(`reused:${created.orderId}:${created.reusedFromOrderId}`);
          setState('done');
        })
      }
    />
  );
}

function Variants() {
  const [report, setReport] = useState<VariantsReport | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void client.variants.get(variantsOrderId).then(setReport);
  }, []);
  if (!report) return <p>…</p>;
  return (
    <VariantPicker
      report={report}
      t={catalogueFor('fr')}
      apiUrl={location.origin}
      busy={busy}
      onChoose={(variant) => {
        setBusy(true);
        void client.variants.choose(variantsOrderId, variant).then((next) => {
          setReport(next);
          setBusy(false);
        });
      }}
    />
  );
}

render(
  <main>
    <Offer />
    <Variants />
  </main>,
  document.getElementById('root')!,
);
