import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** The webhook secret the tests configure, and where Replicate would deliver. */
export const REPLICATE_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64')}`;
export const REPLICATE_WEBHOOK_URL = 'http://alfie.test/v1/webhooks/replicate';

/**
 * A webhook delivery signed like Replicate's: Standard Webhooks over `id.timestamp.body`
 * (https://replicate.com/docs/topics/webhooks/verify-webhook). Options forge the replays, stale
 * timestamps and wrong secrets the route must refuse.
 */
export function signedWebhook(body: unknown, options: { id?: string; at?: Date; secret?: string } = {}) {
  const payload = JSON.stringify(body);
  const id = options.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const at = options.at ?? new Date();
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(options.secret ?? REPLICATE_WEBHOOK_SECRET).sign(id, at, payload),
    },
    body: payload,
  };
}
