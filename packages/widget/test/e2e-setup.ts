import { fileURLToPath } from 'node:url';
import { startCliServer, startNodeProcess } from '@alfie/test-kit/cli-server';
import { freePort } from '@alfie/test-kit/free-port';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Stack {
  apiUrl: string;
  pageUrl: string;
  token: string;
  brandId: string;
  close(): Promise<void>;
}

/**
 * A real `alfie-server start` (embedded PGlite in a temp DATA_DIR, local engine) and the embed example
 * served beside it, on ephemeral ports. Needs `pnpm build` (server and widget) first.
 */
export async function startStack(): Promise<Stack> {
  const pageUrl = `http://127.0.0.1:${await freePort()}`;
  const api = await startCliServer({ env: { ALLOWED_ORIGINS: pageUrl } });
  try {
    const page = await startNodeProcess(['examples/embed-html/serve.mjs'], {
      cwd: repoRoot,
      env: {
        PORT: new URL(pageUrl).port,
        ALFIE_API_URL: api.url,
        ALFIE_TOKEN: api.token,
        ALFIE_BRAND_ID: api.brandId,
      },
      ready: /Embed example on/,
      timeoutMs: 15_000,
    });
    const close = async () => {
      await Promise.all([page.stop(), api.stop()]);
    };
    return { apiUrl: api.url, pageUrl, token: api.token, brandId: api.brandId, close };
  } catch (error) {
    await api.stop();
    throw error;
  }
}
