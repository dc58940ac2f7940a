import { useSyncExternalStore } from 'react';

interface Observable<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

/**
 * The snapshot of a core observer, re-rendering when it changes. Core observers start their work
 * (first page, quota fetch, stream) on the first subscriber and stop after the last, so this is all
 * the React side needs. Internal: the public hooks pick the observer.
 */
export function useObserver<S>(observer: Observable<S>): S {
  // Core's subscribe and getSnapshot are stable per observer, which useSyncExternalStore relies on.
  return useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
}
