import { Hono } from 'hono';
import { isUuid } from '../../auth/principal.js';
import type { AppDeps } from '../../deps.js';
import { notFound, validationFailed } from '../../errors.js';
import { redoItem } from '../../orders/redo-item.js';
import { createLocalStorage } from '../../storage/local-storage.js';
import type { AppEnv } from '../env.js';
import { requireUser } from '../middleware/auth.js';

/**
 * POST /v1/orders/:id/items/:slide/redo: draws one slide (or image) of an ended order again,
 * charged one image (orders/redo-item.ts). 202 with `{ orderId, slide, itemId }`; the order then
 * runs again and its events and GET show the new asset in the slide's place.
 */
export function redoItemRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const storage =
    deps.storage ?? createLocalStorage({ dataDir: deps.config.dataDir, publicUrl: deps.config.publicUrl });

  app.post('/v1/orders/:id/items/:slide/redo', async (c) => {
    const user = requireUser(c);
    const raw = c.req.param('id');
    if (!isUuid(raw)) throw notFound('Order');
    const slideParam = c.req.param('slide');
    if (!/^\d{1,3}$/.test(slideParam)) throw validationFailed('slide must be a slide number, from 1');
    const result = await deps.db.transaction((tx) =>
      redoItem(tx, { userId: user.userId, brandIds: user.brandIds }, raw.toLowerCase(), Number(slideParam)),
    );
    c.get('log').info(
      { orderId: result.orderId, slide: result.slide, userId: user.userId },
      'slide redo queued',
    );
    // The replaced file goes once the redo is committed; a failure here only leaves an orphan file.
    if (result.replacedFile) {
      await storage.delete([result.replacedFile]).catch((error: unknown) => {
        c.get('log').warn({ orderId: result.orderId, err: error }, 'replaced slide file not deleted');
      });
    }
    const { replacedFile: _replaced, ...body } = result;
    return c.json(body, 202);
  });

  return app;
}
