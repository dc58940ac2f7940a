import { isTerminalOrderStatus, type OrderEvent, type TerminalOrderStatus } from '@alfie/core/contract';
import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { notFound, validationFailed } from '../../errors.js';
import { eventHubFor } from '../../events/hub.js';
import { type DropReason, runEventSession } from '../../events/session.js';
import { type SseSink, sseResponse } from '../../events/sse-sink.js';
import type { StoredOrderEvent } from '../../events/types.js';
import { GET_ORDER_STATE } from '../../sql/events/get-order-state.js';
import { LAST_USER_EVENT_ID } from '../../sql/events/last-event-id.js';
import { ORDER_BRAND } from '../../sql/events/order-brand.js';
import type { AppEnv } from '../env.js';
import { brandScope, requireUser } from '../middleware/auth.js';

export interface EventsRouteOptions {
  /** Comment line sent on idle streams so proxies keep them open. Default 15 s. */
  sseHeartbeatMs?: number;
  /** Unread bytes after which a slow client is dropped (it resumes with Last-Event-ID). Default 1 MiB. */
  sseMaxBacklogBytes?: number;
}

interface OrderState {
  id: string;
  status: string;
  expected_total: number;
  completed_count: number;
}

/** Last-Event-ID header (EventSource reconnects) or `?lastEventId=` (a first connection that resumes). */
function lastEventId(header: string | undefined, query: string | undefined): number | null {
  const raw = header ?? query;
  if (raw === undefined || raw === '') return null;
  if (!/^\d{1,15}$/.test(raw))
    throw validationFailed('Last-Event-ID must be an event id (a non-negative integer)');
  return Number(raw);
}

/**
 * Server-Sent Events of the caller's orders:
 * - `GET /v1/orders/:id/events`: one order. Without Last-Event-ID it replays the order's events from
 *   the start, so a late client misses nothing; on an ended order it sends the final state and
 *   `end` at once; it closes after `end`. Another user's order is 404.
 * - `GET /v1/events`: every order of the caller, from now on (or after Last-Event-ID).
 * Messages are `id: <order_events.id>`, `event: <type>`, `data: <OrderEvent JSON>`; `: ping`
 * comments keep idle streams open. All streams of a process share one LISTEN.
 *
 * @example
 * app.route('/', eventsRoutes(deps));
 * // curl -N -H "Authorization: Bearer $TOKEN" localhost:8787/v1/orders/$ORDER/events
 */
export function eventsRoutes(deps: AppDeps & EventsRouteOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const heartbeatMs = deps.sseHeartbeatMs ?? 15_000;
  const hub = eventHubFor(deps.db, deps.logger);
  const maxBacklogBytes = deps.sseMaxBacklogBytes;
  const onSent = deps.metrics ? () => deps.metrics?.sseEventsSent.inc() : undefined;
  const onDrop = (userId: string) => (reason: DropReason, details: { backlog: number; queued: number }) => {
    deps.metrics?.sseClientsDropped.inc({ reason });
    deps.logger.warn({ userId, reason, ...details }, 'SSE client dropped; it resumes with Last-Event-ID');
  };
  const onError = (error: unknown) => deps.logger.warn({ err: error }, 'SSE stream ended by an error');
  /** What both streams' sessions share: one user's stream from one event id on. */
  const sessionDeps = (sink: SseSink, userId: string, after: number) => ({
    db: deps.db,
    hub,
    sink,
    userId,
    after,
    heartbeatMs,
    maxBacklogBytes,
    onSent,
    onDrop: onDrop(userId),
  });

  app.get('/v1/orders/:id/events', async (c) => {
    const user = requireUser(c);
    const orderId = c.req.param('id').toLowerCase();
    if (!isUuid(orderId)) throw notFound('Order');
    const readState = async () =>
      (await deps.db.query<OrderState>(GET_ORDER_STATE, [orderId, user.userId])).rows[0] ?? null;
    const state = await readState();
    const scope = brandScope(user);
    if (!state || (scope && !(await orderInScope(orderId, scope)))) throw notFound('Order');
    const after = lastEventId(c.req.header('last-event-id'), c.req.query('lastEventId')) ?? 0;
    return sseResponse(
      c,
      (sink) =>
        runEventSession({
          ...sessionDeps(sink, user.userId, after),
          orderId,
          finalState: async () => {
            const now = await readState();
            if (!now || !isTerminalOrderStatus(now.status)) return null;
            const status = now.status as TerminalOrderStatus;
            const events: OrderEvent[] = [
              { type: 'status', orderId, status },
              {
                type: 'end',
                orderId,
                status,
                completedCount: now.completed_count,
                expectedTotal: now.expected_total,
              },
            ];
            return events;
          },
        }),
      onError,
    );
  });

  app.get('/v1/events', async (c) => {
    const user = requireUser(c);
    const scope = brandScope(user);
    const resume = lastEventId(c.req.header('last-event-id'), c.req.query('lastEventId'));
    const after =
      resume ??
      Number((await deps.db.query<{ id: number }>(LAST_USER_EVENT_ID, [user.userId])).rows[0]?.id ?? 0);
    return sseResponse(
      c,
      (sink) =>
        runEventSession({
          ...sessionDeps(sink, user.userId, after),
          orderId: null,
          accept: scope ? scopeFilter(scope) : undefined,
        }),
      onError,
    );
  });

  /** An order's brand never changes: each order's verdict is looked up once, then known at once. */
  function scopeFilter(brandIds: string[]): (event: StoredOrderEvent) => boolean | Promise<boolean> {
    const inScope = new Map<string, boolean | Promise<boolean>>();
    return (event) => {
      const known = inScope.get(event.orderId);
      if (known !== undefined) return known;
      const lookup = orderInScope(event.orderId, brandIds).then((ok) => {
        inScope.set(event.orderId, ok);
        return ok;
      });
      inScope.set(event.orderId, lookup);
      return lookup;
    };
  }

  async function orderInScope(orderId: string, brandIds: string[]): Promise<boolean> {
    const { rows } = await deps.db.query<{ brand_id: string }>(ORDER_BRAND, [orderId]);
    return !!rows[0] && brandIds.includes(rows[0].brand_id);
  }

  return app;
}
