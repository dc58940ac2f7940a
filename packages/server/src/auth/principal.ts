/**
 * Who is calling. A user comes from a bearer JWT (Supabase claims); a secret API key is a trusted
 * backend, which may act for one user by naming them in the `X-Alfie-User-Id` header.
 */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string | null;
  role: string | null;
  /** From the token's `brandIds` claim: the only brands this token may touch. Null = all the user's. */
  brandIds: string[] | null;
  /** True when a secret API key acts for this user (X-Alfie-User-Id). */
  viaApiKey: boolean;
  /** That key's id, when `viaApiKey` (rate limits count the key, not each user it names). */
  keyId?: string;
}

export interface ApiKeyPrincipal {
  kind: 'apiKey';
  keyId: string;
  name: string;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
