import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { QuotaCounts } from '../src/contract/errors.js';
import {
  AlfieError,
  AlfieHttpError,
  type AnyAlfieError,
  createAlfieClient,
  isAlfieError,
  isAlfieHttpError,
  isQuotaExceededError,
  QuotaExceededError,
} from '../src/index.js';
import { api, BASE, useMswServer } from './helpers/msw.js';

const server = useMswServer();
const client = createAlfieClient({ baseUrl: BASE, token: 't', retry: 0 });
const request = { format: 'video', topic: 'Lancement', brandId: 'b1', duration: 30 } as const;

async function failingGenerate(response: () => Response): Promise<unknown> {
  server.use(http.post(api('/v1/generate'), response));
  return client.generate(request).then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('error model', () => {
  it('turns QUOTA_EXCEEDED into a QuotaExceededError with remaining and resetsAt', async () => {
    const details = {
      remaining: { images: 3, videos: 0, woofs: 1 },
      requested: { images: 0, videos: 1, woofs: 4 },
      resetsAt: '2026-12-01T00:00:00.000Z',
    };
    const error = await failingGenerate(() =>
      HttpResponse.json(
        { error: { code: 'QUOTA_EXCEEDED', message: 'Not enough woofs', details } },
        { status: 402, headers: { 'x-request-id': 'req_42' } },
      ),
    );
    expect(isAlfieError(error)).toBe(true);
    expect(isQuotaExceededError(error)).toBe(true);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error).toBeInstanceOf(AlfieHttpError);
    expect(error).toBeInstanceOf(AlfieError);
    expect(error).toMatchObject({
      name: 'QuotaExceededError',
      code: 'QUOTA_EXCEEDED',
      message: 'Not enough woofs',
      status: 402,
      requestId: 'req_42',
      remaining: details.remaining,
      requested: details.requested,
      resetsAt: details.resetsAt,
    });
  });

  it('turns VALIDATION_FAILED into an AlfieValidationError with the issues', async () => {
    const issues = [{ path: '/duration', message: 'must be <= 60' }];
    const error = await failingGenerate(() =>
      HttpResponse.json(
        { error: { code: 'VALIDATION_FAILED', message: 'Invalid request', details: { issues } } },
        { status: 400 },
      ),
    );
    expect(error).toMatchObject({
      name: 'AlfieValidationError',
      code: 'VALIDATION_FAILED',
      status: 400,
      issues,
    });
  });

  it('keeps other server codes on an AlfieHttpError', async () => {
    const error = await failingGenerate(() =>
      HttpResponse.json({ error: { code: 'FORBIDDEN', message: 'Not your brand' } }, { status: 403 }),
    );
    expect(error).toMatchObject({
      name: 'AlfieHttpError',
      code: 'FORBIDDEN',
      status: 403,
      message: 'Not your brand',
    });
    expect(isAlfieHttpError(error)).toBe(true);
    expect(isQuotaExceededError(error)).toBe(false);
  });

  it('derives a code from the status when a proxy answers with HTML', async () => {
    const error = await failingGenerate(
      () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error).toMatchObject({ code: 'INTERNAL', status: 502, message: 'HTTP 502 Bad Gateway' });
    const limited = await failingGenerate(() => new HttpResponse(null, { status: 429 }));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
  });

  it('reports an unreachable server as NETWORK_ERROR without a status', async () => {
    const error = await failingGenerate(() => HttpResponse.error());
    expect(error).toMatchObject({ name: 'AlfieNetworkError', code: 'NETWORK_ERROR' });
    expect(isAlfieError(error) && error.status).toBeUndefined();
    expect(isAlfieHttpError(error)).toBe(false);
  });

  it('guards check the brand, so an error from another copy of core is recognised', () => {
    const foreign = Object.assign(new Error('from another bundle'), {
      [Symbol.for('alfie.error')]: true,
      code: 'QUOTA_EXCEEDED',
      status: 402,
    });
    expect(foreign instanceof AlfieError).toBe(false);
    expect(isAlfieError(foreign)).toBe(true);
    expect(isQuotaExceededError(foreign)).toBe(true);
    expect(isAlfieError(new Error('plain'))).toBe(false);
    expect(isAlfieError({ code: 'QUOTA_EXCEEDED' })).toBe(false);
    expect(isAlfieError(null)).toBe(false);
  });

  it('narrows on code (types)', () => {
    const narrow = (error: AnyAlfieError) => {
      if (error.code === 'QUOTA_EXCEEDED') {
        expectTypeOf(error).toEqualTypeOf<QuotaExceededError>();
        expectTypeOf(error.remaining).toEqualTypeOf<QuotaCounts>();
        expectTypeOf(error.resetsAt).toBeString();
      } else if (error.code === 'VALIDATION_FAILED') {
        expectTypeOf(error.issues).toBeArray();
      } else if (error.code === 'NETWORK_ERROR') {
        expectTypeOf(error.name).toBeString();
      }
    };
    expect(narrow).toBeTypeOf('function');
  });
});
