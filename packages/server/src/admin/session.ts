import { createHmac, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';

/** Who acts in the dashboard; written as `actor` on every admin log line. */
export type AdminActor =
  | { kind: 'apiKey'; keyId: string; name: string }
  | { kind: 'user'; userId: string; email: string | null };

export const ADMIN_COOKIE = 'alfie_admin';
const SESSION_SECONDS = 8 * 3600;

/**
 * Signs and reads the dashboard's session cookie (HS256). The key is derived from JWT_SECRET so
 * that a session token can never be replayed as an API user token, and sessions survive restarts
 * and work on every API process; without a JWT_SECRET a per-process key is used.
 *
 * @example
 * const sessions = createSessionCodec(config.jwtSecret);
 * const cookie = await sessions.sign({ kind: 'user', userId, email });
 * const actor = await sessions.verify(cookie);
 */
export function createSessionCodec(jwtSecret: string | null) {
  const key = createHmac('sha256', jwtSecret ?? randomBytes(32))
    .update('alfie-admin-session')
    .digest();
  return {
    maxAgeSeconds: SESSION_SECONDS,
    async sign(actor: AdminActor): Promise<string> {
      return new SignJWT({ actor })
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience('alfie-admin')
        .setIssuedAt()
        .setExpirationTime(`${SESSION_SECONDS}s`)
        .sign(key);
    },
    async verify(token: string): Promise<AdminActor | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: 'alfie-admin' });
        const actor = payload.actor as AdminActor | undefined;
        return actor && (actor.kind === 'apiKey' || actor.kind === 'user') ? actor : null;
      } catch {
        return null;
      }
    },
  };
}

export type SessionCodec = ReturnType<typeof createSessionCodec>;
