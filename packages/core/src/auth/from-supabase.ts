import type { TokenProvider } from '../http/token.js';

interface SessionResult {
  data: { session: { access_token: string } | null };
  error?: unknown;
}

/**
 * The part of a `@supabase/supabase-js` client this adapter uses. Written structurally so that core
 * neither imports supabase-js at runtime nor needs its types installed (it is an optional peer).
 */
export interface SupabaseAuthSource {
  auth: {
    getSession(): Promise<SessionResult>;
    refreshSession(): Promise<SessionResult>;
  };
}

/**
 * Uses the signed-in Supabase user's access token. supabase-js refreshes an expiring session in
 * `getSession()`; after a 401 the client asks again with `forceRefresh`, which forces a refresh.
 *
 * @example
 * const client = createAlfieClient({ baseUrl, getToken: fromSupabase(supabase) });
 */
export function fromSupabase(supabase: SupabaseAuthSource): TokenProvider {
  return async ({ forceRefresh } = { forceRefresh: false }) => {
    const result = forceRefresh ? await supabase.auth.refreshSession() : await supabase.auth.getSession();
    return result.data.session?.access_token ?? null;
  };
}
