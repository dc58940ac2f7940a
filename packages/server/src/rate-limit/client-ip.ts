import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address rate limits count a request against. Behind a reverse proxy (TRUST_PROXY=on) it is
 * the last X-Forwarded-For hop, the one the proxy itself appended: earlier hops are whatever the
 * client chose to send. Requests that never crossed a socket (`app.request` in tests) are `local`.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const hops = c.req.header('x-forwarded-for')?.split(',');
    const last = hops?.[hops.length - 1]?.trim();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}
