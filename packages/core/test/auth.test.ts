import { createClient } from '@supabase/supabase-js';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createAlfieClient, fromSupabase, isAlfieError } from '../src/index.js';
import { api, BASE, useMswServer } from './helpers/msw.js';

const server = useMswServer();
const quota = { brandId: 'b1', plan: 'starter' };

/** Answers 401 unless the bearer is one of `valid`; records every Authorization header. */
function protectedQuota(valid: string[]) {
  const seen: Array<string | null> = [];
  server.use(
    http.get(api('/v1/quotas/b1'), ({ request }) => {
      const auth = request.headers.get('authorization');
      seen.push(auth);
      if (auth && valid.includes(auth.replace('Bearer ', ''))) return HttpResponse.json(quota);
      return HttpResponse.json(
        { error: { code: 'UNAUTHORIZED', message: 'expired token' } },
        { status: 401 },
      );
    }),
  );
  return seen;
}

describe('authentication', () => {
  it('sends a static token and the one given to setToken', async () => {
    const seen = protectedQuota(['t1', 't2']);
    const client = createAlfieClient({ baseUrl: BASE, token: 't1' });
    await client.quotas.get('b1');
    client.setToken('t2');
    await client.quotas.get('b1');
    expect(seen).toEqual(['Bearer t1', 'Bearer t2']);
  });

  it('calls getToken for every request', async () => {
    const seen = protectedQuota(['a', 'b']);
    const tokens = ['a', 'b'];
    const getToken = vi.fn(async () => tokens.shift() ?? null);
    const client = createAlfieClient({ baseUrl: BASE, getToken });
    await client.quotas.get('b1');
    await client.quotas.get('b1');
    expect(seen).toEqual(['Bearer a', 'Bearer b']);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('after a 401 asks getToken for a fresh token and retries once', async () => {
    const seen = protectedQuota(['fresh']);
    const getToken = vi.fn(async ({ forceRefresh }: { forceRefresh: boolean }) =>
      forceRefresh ? 'fresh' : 'stale',
    );
    const client = createAlfieClient({ baseUrl: BASE, getToken });
    await expect(client.quotas.get('b1')).resolves.toEqual(quota);
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(getToken.mock.calls.map(([context]) => context.forceRefresh)).toEqual([false, true]);
  });

  it('gives up after the second 401 with an UNAUTHORIZED error', async () => {
    const seen = protectedQuota([]);
    const client = createAlfieClient({ baseUrl: BASE, getToken: () => 'nope' });
    const error = await client.quotas.get('b1').catch((e: unknown) => e);
    expect(isAlfieError(error) && error.code).toBe('UNAUTHORIZED');
    expect(seen).toHaveLength(2);
  });

  it('does not retry a 401 with a static token (nothing fresher to send)', async () => {
    const seen = protectedQuota([]);
    const client = createAlfieClient({ baseUrl: BASE, token: 'static' });
    await expect(client.quotas.get('b1')).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401 });
    expect(seen).toHaveLength(1);
  });
});

describe('fromSupabase', () => {
  const SUPABASE = 'http://supabase.test';
  const jwt = (sub: string) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub, exp: Math.floor(Date.now() / 1000) + 3600, role: 'authenticated' })}.sig`;
  };
  // Node 20 has no global WebSocket; realtime is never used here, it only needs a constructor.
  const supabaseClient = () =>
    createClient(SUPABASE, 'anon-key', {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: class {} as never },
    });
  const user = {
    id: 'u1',
    aud: 'authenticated',
    role: 'authenticated',
    email: 'u@example.com',
    app_metadata: {},
    user_metadata: {},
    created_at: '2026-01-01T00:00:00Z',
  };

  it("uses a real supabase-js session, and refreshes it after Alfie's 401", async () => {
    const first = jwt('first');
    const refreshed = jwt('refreshed');
    server.use(
      http.get(`${SUPABASE}/auth/v1/user`, () => HttpResponse.json(user)),
      http.post(`${SUPABASE}/auth/v1/token`, () =>
        HttpResponse.json({
          access_token: refreshed,
          refresh_token: 'r2',
          token_type: 'bearer',
          expires_in: 3600,
          expires_at: Math.floor(Date.now() / 1000) + 3600,
          user,
        }),
      ),
    );
    const supabase = supabaseClient();
    await supabase.auth.setSession({ access_token: first, refresh_token: 'r1' });
    const seen = protectedQuota([refreshed]);
    const client = createAlfieClient({ baseUrl: BASE, getToken: fromSupabase(supabase) });
    await expect(client.quotas.get('b1')).resolves.toEqual(quota);
    expect(seen).toEqual([`Bearer ${first}`, `Bearer ${refreshed}`]);
  });

  it('sends no Authorization header when signed out', async () => {
    const supabase = supabaseClient();
    const seen: Array<string | null> = [];
    server.use(
      http.get(api('/v1/brands'), ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return HttpResponse.json([]);
      }),
    );
    await createAlfieClient({ baseUrl: BASE, getToken: fromSupabase(supabase) }).brands.list();
    expect(seen).toEqual([null]);
  });
});
