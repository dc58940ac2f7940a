import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True only for a request that comes from this machine and names it: the peer is a loopback
 * address (not a proxy or a LAN neighbour) and the Host header is localhost or a loopback IP (so
 * a page on another domain that resolves to 127.0.0.1, DNS rebinding, is refused).
 */
export function isLocalRequest(c: Context): boolean {
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    return false; // not served by @hono/node-server (app.request in tests): no peer to trust
  }
  if (!address || !isLoopbackAddress(address)) return false;
  const host = (c.req.header('host') ?? '').toLowerCase().replace(/:\d+$/, '');
  return LOOPBACK_HOSTS.has(host) || host.endsWith('.localhost');
}

/**
 * The page's own scripts only: browsers mark a request from another site (`cross-site`,
 * `same-site`) or typed in the address bar (`none`) in Sec-Fetch-Site, and a page elsewhere
 * cannot forge it. Origin, when sent, must be this server's.
 */
export function isSameOriginFetch(c: Context): boolean {
  if (c.req.header('sec-fetch-site') !== 'same-origin') return false;
  const origin = c.req.header('origin');
  return origin === undefined || origin === new URL(c.req.url).origin;
}

export function isLoopbackAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:/i, '');
  return plain === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}
