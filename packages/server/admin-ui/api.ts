import type { AdminReuseAb } from '../src/admin/reuse-ab.js';
import type { AdminOverview, ProblemJob } from '../src/admin/stats.js';

export type Overview = AdminOverview & { jobs: ProblemJob[] };
export type Actor = { kind: 'apiKey'; name: string } | { kind: 'user'; userId: string; email: string | null };

/** Thrown for any answer but 2xx; `status` 404 means "not an admin (or logged out)". */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  // The server refuses dashboard actions without it (a cross-site page cannot send it).
  if (init.method === 'POST') headers.set('x-alfie-admin', '1');
  const res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AdminApiError(res.status, body?.error?.message ?? `HTTP ${res.status}`);
  }
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

export const api = {
  me: () => call<{ actor: Actor }>('/admin/api/me'),
  login: (credential: string) =>
    call<{ actor: Actor }>('/admin/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credential }),
    }),
  logout: () => call<void>('/admin/api/logout', { method: 'POST' }),
  overview: (range: string) => call<Overview>(`/admin/api/overview?range=${encodeURIComponent(range)}`),
  reuseAb: (range: string) => call<AdminReuseAb>(`/admin/api/reuse-ab?range=${encodeURIComponent(range)}`),
  retryJob: (jobId: string) =>
    call<{ orderId: string }>(`/admin/api/jobs/${jobId}/retry`, { method: 'POST' }),
  cancelOrder: (orderId: string) => call<unknown>(`/admin/api/orders/${orderId}/cancel`, { method: 'POST' }),
};
