/**
 * The one observer primitive: an immutable snapshot replaced on change, plus listeners.
 * `onObserved(count)` reports the listener count so owners can start/stop work lazily.
 */
export class Store<S extends object> {
  #snapshot: S;
  readonly #listeners = new Set<() => void>();
  readonly #onObserved: ((count: number) => void) | undefined;

  constructor(initial: S, onObserved?: (count: number) => void) {
    this.#snapshot = Object.freeze(initial);
    this.#onObserved = onObserved;
  }

  get = (): S => this.#snapshot;

  /** Replaces the snapshot and notifies, unless the patch changes nothing. */
  set(patch: Partial<S>): void {
    const current = this.#snapshot;
    if ((Object.keys(patch) as Array<keyof S>).every((key) => Object.is(current[key], patch[key]))) return;
    this.#snapshot = Object.freeze({ ...current, ...patch });
    for (const listener of [...this.#listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    const wrapped = () => listener();
    this.#listeners.add(wrapped);
    this.#onObserved?.(this.#listeners.size);
    return () => {
      if (this.#listeners.delete(wrapped)) this.#onObserved?.(this.#listeners.size);
    };
  };
}
