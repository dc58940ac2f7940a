import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signUserToken } from '../auth/jwt.js';
import type { Config } from '../config.js';
import type { Db } from '../db/types.js';
import { BRAND_EXISTS } from '../sql/brands/brand-exists.js';
import { INSERT_BRAND } from '../sql/brands/insert-brand.js';
import { UPSERT_PROFILE } from '../sql/users/upsert-profile.js';

const DEMO_FILE = 'demo.json';
export const DEMO_EMAIL = 'demo@alfie.local';

export interface Demo {
  userId: string;
  brandId: string;
  token: string;
  expiresAt: string;
  created: boolean;
}

/**
 * The demo user and brand of a local install, created on first start and remembered in
 * DATA_DIR/demo.json, with a fresh 30-day token each start, so a new user can curl at once.
 */
export async function ensureDemo(db: Db, config: Config, secret: string): Promise<Demo> {
  const file = join(config.dataDir, DEMO_FILE);
  const saved = JSON.parse((await readFile(file, 'utf8').catch(() => 'null')) ?? 'null') as {
    userId: string;
    brandId: string;
  } | null;
  let demo = saved;
  let created = false;
  if (!demo || (await db.query(BRAND_EXISTS, [demo.brandId, demo.userId])).rowCount === 0) {
    const userId = randomUUID();
    const brandId = await db.transaction(async (tx) => {
      await tx.query(UPSERT_PROFILE, [userId, DEMO_EMAIL]);
      const { rows } = await tx.query<{ id: string }>(INSERT_BRAND, [
        userId,
        'Demo brand',
        JSON.stringify(['#0B3D91', '#F2A900']),
        JSON.stringify(['Inter']),
        null,
        'Friendly and clear',
        'Marketing',
        config.defaultPlan,
        null, // no language of its own: the visitor's Accept-Language decides
      ]);
      return rows[0]!.id;
    });
    demo = { userId, brandId };
    created = true;
    await writeFile(file, `${JSON.stringify(demo, null, 2)}\n`);
  }
  const { token, expiresAt } = await signUserToken(secret, {
    userId: demo.userId,
    email: DEMO_EMAIL,
    // As long as the server accepts (JWT_MAX_LIFETIME_SECONDS): the banner's curl keeps working.
    expiresIn: config.limits.tokens.maxLifetimeSeconds,
    audience: config.limits.tokens.audiences[0],
  });
  return { ...demo, token, expiresAt, created };
}
