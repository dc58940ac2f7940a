import { HttpResponse, http } from 'msw';
import type { Json } from './fixtures.js';

export const REPLICATE_API = 'https://api.replicate.com/v1';
export const OUTPUT_URL = 'https://replicate.delivery/xezq/abc123/out-0.png';

export interface ReplicateCall {
  method: string;
  url: string;
  headers: Headers;
  body: Json;
}

/** A prediction as the API documents it (https://replicate.com/docs/topics/webhooks/receive-webhook). */
export function prediction(id: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    model: 'black-forest-labs/flux-schnell',
    version: 'dp-4d0bcc010b3049749a251855f12800be',
    input: {},
    logs: '',
    output: null,
    error: null,
    status,
    created_at: '2026-11-27T06:00:00.000Z',
    urls: {
      get: `${REPLICATE_API}/predictions/${id}`,
      cancel: `${REPLICATE_API}/predictions/${id}/cancel`,
    },
    ...extra,
  };
}

type Reply = (call: ReplicateCall) => Response | Promise<Response>;

/**
 * Scripted Replicate API: `create` answers POST .../predictions, `get` each GET of a prediction
 * (in order, the last one repeating), `cancel` the cancel call; every call is recorded.
 */
export function replicateHandlers(
  calls: ReplicateCall[],
  script: { create: Reply[]; get?: Reply[]; output?: { body: Uint8Array; type: string } },
) {
  let creates = 0;
  let gets = 0;
  const record = async (request: Request) => {
    const text = request.method === 'GET' ? '' : await request.clone().text();
    const call = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: text ? JSON.parse(text) : null,
    };
    calls.push(call);
    return call;
  };
  return [
    http.post(`${REPLICATE_API}/models/:owner/:name/predictions`, async ({ request }) => {
      const call = await record(request);
      return script.create[Math.min(creates++, script.create.length - 1)]!(call);
    }),
    http.post(`${REPLICATE_API}/predictions/:id/cancel`, async ({ request, params }) => {
      await record(request);
      return HttpResponse.json(prediction(String(params.id), 'canceled'));
    }),
    http.get(`${REPLICATE_API}/predictions/:id`, async ({ request }) => {
      const call = await record(request);
      const replies = script.get ?? [];
      return replies[Math.min(gets++, replies.length - 1)]!(call);
    }),
    http.get('https://replicate.delivery/*', async ({ request }) => {
      await record(request);
      const output = script.output ?? { body: new Uint8Array(), type: 'application/octet-stream' };
      return new HttpResponse(output.body, { headers: { 'Content-Type': output.type } });
    }),
  ];
}
