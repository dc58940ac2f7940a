import type { EventsHub } from '../observers/events-hub.js';
import type { SharedWatch } from './order-watch.js';

/**
 * Follows one order on the client's shared stream. The GET runs once the stream is live, so nothing
 * that happened before the connection is missed (merges are monotonic: an event seen twice is
 * harmless). `unavailable` when the shared stream does not work here, or stays silent while the
 * order moves (a buffering proxy): the order's own stream then takes over.
 */
export function followShared(events: EventsHub) {
  return (watch: SharedWatch, signal: AbortSignal): Promise<'ended' | 'aborted' | 'unavailable'> =>
    new Promise((resolve) => {
      let stop: (() => void) | null = null;
      let settled = false;
      let heard = false;
      let fetched = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (outcome: 'ended' | 'aborted' | 'unavailable') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        stop?.();
        resolve(outcome);
      };
      const onAbort = () => done('aborted');
      const checkSilence = () => {
        timer = setTimeout(async () => {
          const detail = await watch.fetchDetail(signal);
          if (signal.aborted || settled) return;
          if (watch.done()) done('ended');
          else if (!heard && detail && detail.status !== 'pending') done('unavailable');
          else checkSilence();
        }, watch.firstEventTimeout);
      };
      stop = events(
        (event) => {
          if (event.orderId !== watch.orderId) return;
          heard = true;
          watch.apply(event);
          if (event.type === 'end') done('ended');
        },
        {
          signal,
          onState: (state) => {
            if (state === 'unavailable') return done('unavailable');
            watch.connection(state);
            if (state !== 'live' || fetched) return;
            fetched = true;
            void watch.fetchDetail(signal).then(() => {
              if (watch.done()) done('ended');
            });
            if (watch.firstEventTimeout > 0) checkSilence();
          },
        },
      );
      // The hub may have answered `unavailable` before `stop` was assigned.
      if (settled) stop();
      signal.addEventListener('abort', onAbort, { once: true });
    });
}
