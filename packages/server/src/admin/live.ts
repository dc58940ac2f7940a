import type { Db } from '../db/types.js';
import { ORDER_EVENTS_CHANNEL } from '../events/types.js';

type Listener = () => void;

/**
 * Change signals for the dashboards, from the same NOTIFY channel that feeds the clients' SSE
 * streams (alfie_order_events). The clients' hub only forwards a user's own events, while an
 * operator watches every order, so the dashboard keeps ONE extra LISTEN per process, opened while
 * at least one dashboard is connected. It forwards no event content: dashboards re-read the
 * figures, at most once per `throttleMs`.
 */
export class AdminLiveFeed {
  private readonly listeners = new Set<Listener>();
  private unlisten: Promise<() => Promise<void>> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly throttleMs = 1_000,
  ) {}

  async subscribe(listener: Listener): Promise<() => void> {
    this.listeners.add(listener);
    this.unlisten ??= this.db.listen(ORDER_EVENTS_CHANNEL, () => this.changed(), {
      onReconnect: () => this.changed(),
    });
    try {
      await this.unlisten;
    } catch (error) {
      this.listeners.delete(listener);
      this.unlisten = null;
      throw error;
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.close();
    };
  }

  private changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      for (const listener of this.listeners) listener();
    }, this.throttleMs);
  }

  private async close(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (unlisten) await (await unlisten.catch(() => async () => {}))().catch(() => {});
  }
}

const feeds = new WeakMap<Db, AdminLiveFeed>();

/** The one admin feed of this process for `db`. */
export function adminFeedFor(db: Db): AdminLiveFeed {
  let feed = feeds.get(db);
  if (!feed) {
    feed = new AdminLiveFeed(db);
    feeds.set(db, feed);
  }
  return feed;
}
