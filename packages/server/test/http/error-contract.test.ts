/**
 * The error table in core's contract is the one source of both sides: for every code and every
 * status it is listed with, the server's error handler answers that status with that code, and the
 * client reads the same code back from the bare status (a proxy's empty answer).
 */
import type { AddressInfo } from 'node:net';
import { createAlfieClient, isAlfieHttpError } from '@alfie/core';
import { ERROR_CODES, ERROR_STATUSES, type ErrorCode, type ErrorStatus } from '@alfie/core/contract';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { errorHandler, notFoundHandler } from '../../src/http/error-handler.js';

const app = new Hono();
app.onError(errorHandler);
app.notFound(notFoundHandler);
app.get('/throw/:code/:status', (c) => {
  const code = c.req.param('code') as ErrorCode;
  throw new ApiError(code, `thrown ${code}`, { status: Number(c.req.param('status')) as ErrorStatus });
});
app.get('/hono/:status', (c) => {
  throw new HTTPException(Number(c.req.param('status')) as 400, { message: 'refused by hono' });
});
app.get('/crash', () => {
  throw new Error('secret cause');
});
// A bare status, as a proxy in front of the server may answer: read through the public client.
app.get('/v1/jobs/:status', (c) => new Response(null, { status: Number(c.req.param('status')) }));

async function codeReadFromBare(status: number) {
  const client = createAlfieClient({ baseUrl: base, token: 't', retry: 0 });
  const error = await client.jobs.get(String(status)).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAlfieHttpError(error)) throw new Error(`expected an HTTP error for ${status}`);
  return { code: error.code, status: error.status };
}

let server: ServerType;
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const pairs = ERROR_CODES.flatMap((code) =>
  (ERROR_STATUSES[code] as readonly number[]).map((status) => [code, status] as const),
);

describe('the error table', () => {
  it('lists every code, and no status under two codes', () => {
    expect(Object.keys(ERROR_STATUSES).sort()).toEqual([...ERROR_CODES].sort());
    const statuses = pairs.map(([, status]) => status);
    expect(new Set(statuses).size).toBe(statuses.length);
  });

  it.each(pairs)('%s: the server sends %i with the code in the body', async (code, status) => {
    const res = await fetch(`${base}/throw/${code}/${status}`);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: `thrown ${code}` } });
  });

  it.each(pairs)('%s: the client reads a bare %i back as that code', async (code, status) => {
    expect(await codeReadFromBare(status)).toEqual({ code, status });
  });

  it('gives a code its first status when none is picked', async () => {
    for (const code of ERROR_CODES) {
      expect(new ApiError(code, 'x').status).toBe(ERROR_STATUSES[code][0]);
    }
  });

  it("maps Hono's own 4xx through the table, and an unlisted one to VALIDATION_FAILED 400", async () => {
    const answers = await Promise.all(
      [401, 413, 404, 405].map(async (status) => {
        const res = await fetch(`${base}/hono/${status}`);
        return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
      }),
    );
    expect(answers).toEqual([
      [401, 'UNAUTHORIZED'],
      [413, 'VALIDATION_FAILED'],
      [404, 'NOT_FOUND'],
      [400, 'VALIDATION_FAILED'],
    ]);
  });

  it('answers an unexpected error with INTERNAL 500 and keeps its cause out of the body', async () => {
    const res = await fetch(`${base}/crash`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error' } });
    expect(text).not.toContain('secret cause');
  });

  it('answers an unknown route with NOT_FOUND 404', async () => {
    const res = await fetch(`${base}/nowhere`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /nowhere' } });
  });

  it('reads an unlisted bare status as INTERNAL on the client', async () => {
    expect(await codeReadFromBare(418)).toEqual({ code: 'INTERNAL', status: 418 });
  });
});
