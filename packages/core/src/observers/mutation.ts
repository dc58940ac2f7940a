import type { AnyAlfieError } from '../errors/guards.js';
import { isAlfieError } from '../errors/guards.js';
import { Store } from './store.js';

export interface MutationSnapshot<TData> {
  status: 'idle' | 'submitting' | 'success' | 'error';
  data: TData | undefined;
  error: AnyAlfieError | null;
}

export interface MutationObserver<TArgs extends unknown[], TData> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): MutationSnapshot<TData>;
  /** Runs the mutation; resolves with its data, rejects with its error (also kept in the snapshot). */
  mutate(...args: TArgs): Promise<TData>;
  reset(): void;
}

/**
 * Tracks one async action for a UI (a "Generate" button). Only the latest call updates the snapshot.
 *
 * @example
 * const generate = client.mutation((req: GenerateRequest) => client.generate(req));
 * generate.subscribe(() => render(generate.getSnapshot()));
 * await generate.mutate({ format: 'carousel', topic: 'Tendances 2025', brandId });
 */
export function createMutation<TArgs extends unknown[], TData>(
  fn: (...args: TArgs) => Promise<TData>,
): MutationObserver<TArgs, TData> {
  let latest = 0;
  const idle: MutationSnapshot<TData> = { status: 'idle', data: undefined, error: null };
  const store = new Store<MutationSnapshot<TData>>(idle);

  return {
    subscribe: store.subscribe,
    getSnapshot: store.get,
    async mutate(...args) {
      const call = ++latest;
      store.set({ status: 'submitting', error: null });
      try {
        const data = await fn(...args);
        if (call === latest) store.set({ status: 'success', data });
        return data;
      } catch (error) {
        if (call === latest) store.set({ status: 'error', error: isAlfieError(error) ? error : null });
        throw error;
      }
    },
    reset() {
      latest++;
      store.set(idle);
    },
  };
}
