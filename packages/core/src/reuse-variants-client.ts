import type {
  GenerateRequest,
  GenerateResponse,
  ReuseMatchResponse,
  ReuseOffer,
  VariantCounts,
  VariantsReport,
} from './contract/index.js';
import type { RequestOptions, Transport } from './http/transport.js';

const id = (value: string) => encodeURIComponent(value);

/**
 * `client.generate`'s signatures: it resolves with a `ReuseOffer` only when the request may say
 * `reuse: 'offer'` without naming an order to reuse (`reuseOf`); otherwise always with the order.
 */
export interface GenerateMethod<Options> {
  (
    request: GenerateRequest & ({ reuse?: 'never' | 'auto' } | { reuseOf: string }),
    opts?: Options,
  ): Promise<GenerateResponse>;
  (request: GenerateRequest, opts?: Options): Promise<GenerateResponse | ReuseOffer>;
}

/**
 * True when `POST /v1/generate` answered with an offer to reuse an earlier visual (nothing was created).
 *
 * @example
 * const result = await client.generate({ ...request, reuse: 'offer' });
 * if (isReuseOffer(result)) showOffer(result.offer); else watch(result.orderId);
 */
export function isReuseOffer(value: GenerateResponse | ReuseOffer): value is ReuseOffer {
  return typeof (value as ReuseOffer).offer === 'object' && (value as ReuseOffer).offer !== null;
}

/** `client.reuse` and `client.variants`: reuse of similar generations and A/B variants. */
export function reuseVariantsMethods(transport: Transport) {
  return {
    reuse: {
      /**
       * The earlier order a request would reuse, or null. Creates nothing: ask it while proposing.
       *
       * @example
       * const { match } = await client.reuse.match({ format: 'image', topic: 'Soldes', brandId });
       * if (match) await client.generate({ format: 'image', topic: 'Soldes', brandId, reuseOf: match.orderId });
       */
      match: (request: GenerateRequest, opts?: RequestOptions) =>
        transport.json<ReuseMatchResponse>('v1/reuse/match', {
          method: 'post',
          json: request,
          retry: true,
          ...opts,
        }),
    },
    variants: {
      /** The order's variants with their files and counts, the choice, and the A/B verdict. */
      get: (orderId: string, opts?: RequestOptions) =>
        transport.json<VariantsReport>(`v1/orders/${id(orderId)}/variants`, { retry: true, ...opts }),
      /** Stores the user's pick (0-based); the library then shows it first. */
      choose: (orderId: string, variant: number, opts?: RequestOptions) =>
        transport.json<VariantsReport>(`v1/orders/${id(orderId)}/variants/choose`, {
          method: 'post',
          json: { variant },
          ...opts,
        }),
      /**
       * Reports each posted variant's totals so far (impressions, clicks); each report replaces the
       * previous one, so resending is safe. Resolves with the updated verdict.
       *
       * @example
       * const { verdict } = await client.variants.report(orderId, [
       *   { variant: 0, impressions: 1200, clicks: 96 },
       *   { variant: 1, impressions: 1180, clicks: 131 },
       * ]);
       */
      report: (orderId: string, variants: VariantCounts[], opts?: RequestOptions) =>
        transport.json<VariantsReport>(`v1/orders/${id(orderId)}/variants/performance`, {
          method: 'post',
          json: { variants },
          retry: true,
          ...opts,
        }),
    },
  };
}
