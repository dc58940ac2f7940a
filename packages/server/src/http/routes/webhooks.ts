import { Hono } from 'hono';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { Queryable } from '../../db/types.js';
import { TERMINAL_STATUSES } from '../../engines/replicate/client.js';
import { ApiError, unauthorized, validationFailed } from '../../errors.js';
import { RESUME_PROVIDER_JOB } from '../../sql/providers/resume-provider-job.js';
import { errorHandler } from '../error-handler.js';
import { unsafeTextIssues } from '../text-guard.js';

export interface WebhooksRoutesDeps {
  db: Queryable;
  /** REPLICATE_WEBHOOK_SECRET, `whsec_…` (GET https://api.replicate.com/v1/webhooks/default/secret). */
  replicateWebhookSecret?: string | null;
}

/**
 * POST /v1/webhooks/replicate: Replicate calls it when a prediction we parked a job on ends.
 *
 * Replicate signs webhooks the Standard Webhooks way (https://replicate.com/docs/topics/webhooks/verify-webhook):
 * `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` (base64 HMAC-SHA256 of
 * `id.timestamp.body` with the base64 key after `whsec_`). `standardwebhooks` checks the signature
 * in constant time and refuses timestamps more than 5 minutes from now (replay window). Within
 * that window a replayed delivery is not refused by its `webhook-id` (no id store is kept): it is
 * harmless instead, because resuming a parked job is a conditional update that happens once. The body
 * is a prediction (https://replicate.com/docs/topics/webhooks/receive-webhook); only terminal ones
 * move the parked job, once: a redelivery changes nothing and still answers 200, so Replicate
 * stops retrying.
 *
 * @example
 * app.route('/', webhooksRoutes({ db, replicateWebhookSecret: process.env.REPLICATE_WEBHOOK_SECRET }));
 */
export function webhooksRoutes(deps: WebhooksRoutesDeps): Hono {
  const app = new Hono();
  app.onError(errorHandler);
  const verifier = deps.replicateWebhookSecret ? new Webhook(deps.replicateWebhookSecret) : null;

  app.post('/v1/webhooks/replicate', async (c) => {
    if (!verifier) throw new ApiError('NOT_FOUND', 'Replicate webhooks are not configured');
    const raw = await c.req.text();
    let prediction: { id?: unknown; status?: unknown };
    try {
      prediction = verifier.verify(raw, {
        'webhook-id': c.req.header('webhook-id') ?? '',
        'webhook-timestamp': c.req.header('webhook-timestamp') ?? '',
        'webhook-signature': c.req.header('webhook-signature') ?? '',
      }) as typeof prediction;
    } catch (error) {
      const reason = error instanceof WebhookVerificationError ? error.message : 'Invalid webhook';
      throw unauthorized(`Webhook refused: ${reason}`);
    }
    if (typeof prediction?.id !== 'string' || typeof prediction.status !== 'string') {
      throw validationFailed('The webhook body is not a prediction');
    }
    // Stored as jsonb, which refuses NUL: a signed body carrying one is refused here, not by the database.
    const issues = unsafeTextIssues(prediction);
    if (issues.length > 0) {
      throw validationFailed('The webhook body has text the database cannot store', issues);
    }
    if (!TERMINAL_STATUSES.has(prediction.status)) return c.json({ received: true, resumed: false });
    const { rows } = await deps.db.query<{ woke: boolean }>(RESUME_PROVIDER_JOB, [
      'replicate',
      prediction.id,
      raw,
    ]);
    return c.json({ received: true, resumed: rows.some((row) => row.woke) });
  });

  return app;
}
