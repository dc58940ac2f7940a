import type { CreateTokenRequest, CreateTokenResponse } from '@alfie/core/contract';
import { Hono } from 'hono';
import { signUserToken } from '../../auth/jwt.js';
import type { AppDeps } from '../../deps.js';
import { ApiError, validationFailed } from '../../errors.js';
import type { AppEnv } from '../env.js';
import { requireApiKey } from '../middleware/auth.js';
import { readJson, validate } from '../validation.js';

/**
 * POST /v1/tokens (secret API key only): a host app's backend mints a short-lived browser token for
 * one of its users, optionally restricted to some brands, and hands it to the widget.
 */
export function tokensRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/v1/tokens', async (c) => {
    const key = requireApiKey(c);
    const body = validate<CreateTokenRequest>('createTokenSchema', await readJson(c));
    const secret = deps.config.jwtSecret;
    if (!secret)
      throw new ApiError('INTERNAL', 'Minting tokens needs JWT_SECRET to be configured', { status: 501 });
    const { maxLifetimeSeconds, audiences } = deps.config.limits.tokens;
    const expiresIn = body.expiresIn ?? Math.min(3600, maxLifetimeSeconds);
    if (expiresIn > maxLifetimeSeconds) {
      throw validationFailed('The request body is invalid', [
        { path: '/expiresIn', message: `must be <= ${maxLifetimeSeconds} (JWT_MAX_LIFETIME_SECONDS)` },
      ]);
    }
    const minted: CreateTokenResponse = await signUserToken(
      secret,
      {
        userId: body.userId.toLowerCase(),
        email: body.email ?? null,
        brandIds: body.brandIds?.map((id) => id.toLowerCase()) ?? null,
        expiresIn,
        audience: audiences[0],
      },
      deps.now?.() ?? new Date(),
    );
    c.get('log').info(
      { apiKeyId: key.keyId, userId: body.userId, expiresAt: minted.expiresAt },
      'token minted',
    );
    return c.json(minted, 201);
  });
  return app;
}
