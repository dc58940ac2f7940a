import type { VariantCounts, VariantsReport } from '../contract/reuse-variants.js';
import type { AnyAlfieError } from '../errors/guards.js';
import { isAlfieError } from '../errors/guards.js';
import { Store } from './store.js';

export interface VariantsSnapshot {
  /** The variants with their files and counts, the choice and the verdict; null until loaded. */
  report: VariantsReport | null;
  status: 'idle' | 'loading' | 'success' | 'error';
  /** True while a choice or a performance report is being sent. */
  saving: boolean;
  error: AnyAlfieError | null;
}

/** An order's A/B variants: loads on the first subscribe; `choose` and `report` update it. */
export interface VariantsObserver {
  subscribe(listener: () => void): () => void;
  getSnapshot(): VariantsSnapshot;
  refresh(): Promise<void>;
  /** Stores the user's pick; resolves once the server has it. */
  choose(variant: number): Promise<void>;
  /** Sends the host app's totals so far; the snapshot then carries the new verdict. */
  report(counts: VariantCounts[]): Promise<void>;
}

export interface VariantsObserverDeps {
  get(): Promise<VariantsReport>;
  choose(variant: number): Promise<VariantsReport>;
  report(counts: VariantCounts[]): Promise<VariantsReport>;
}

export const idleVariantsSnapshot: VariantsSnapshot = Object.freeze({
  report: null,
  status: 'idle',
  saving: false,
  error: null,
});

/**
 * @example
 * const variants = client.variants.observe(orderId);
 * variants.subscribe(() => render(variants.getSnapshot().report?.variants));
 * await variants.choose(1);
 */
export function createVariantsObserver(deps: VariantsObserverDeps): VariantsObserver {
  let request = 0;
  const store = new Store<VariantsSnapshot>({ ...idleVariantsSnapshot }, (count) => {
    if (count > 0 && store.get().status === 'idle') void refresh();
  });
  const toError = (error: unknown) => (isAlfieError(error) ? error : null);

  async function refresh(): Promise<void> {
    const current = ++request;
    if (!store.get().report) store.set({ status: 'loading' });
    try {
      const report = await deps.get();
      if (current === request) store.set({ report, status: 'success', error: null });
    } catch (error) {
      if (current === request) store.set({ status: 'error', error: toError(error) });
    }
  }

  async function send(call: () => Promise<VariantsReport>): Promise<void> {
    const current = ++request;
    store.set({ saving: true, error: null });
    try {
      const report = await call();
      if (current === request) store.set({ report, status: 'success' });
    } catch (error) {
      store.set({ error: toError(error) });
      throw error;
    } finally {
      store.set({ saving: false });
    }
  }

  return {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    refresh,
    choose: (variant) => send(() => deps.choose(variant)),
    report: (counts) => send(() => deps.report(counts)),
  };
}
