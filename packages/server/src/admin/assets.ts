import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../db/package-root.js';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
};

/**
 * The built dashboard (admin-ui/, bundled by `pnpm build` into dist/admin-ui). Files are read
 * once and kept in memory: the whole bundle is a few dozen kilobytes.
 */
export function createAdminAssets(dir = join(packageRoot(), 'dist', 'admin-ui')) {
  let files: Promise<Map<string, { body: Buffer; type: string }>> | null = null;
  const load = async () => {
    const map = new Map<string, { body: Buffer; type: string }>();
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const type = TYPES[name.split('.').pop() ?? ''];
      if (type && /^[\w.-]+$/.test(name)) map.set(name, { body: await readFile(join(dir, name)), type });
    }
    return map;
  };
  return {
    async get(name: string): Promise<{ body: Buffer; type: string } | null> {
      files ??= load();
      const found = (await files).get(name) ?? null;
      if (!found && (await files).size === 0) files = null; // not built yet: look again next time
      return found;
    },
  };
}

/** The dashboard's page: no inline script or style, so it runs under the strict CSP below. */
export const ADMIN_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Alfie operations</title>
<link rel="stylesheet" href="/admin/assets/admin.css">
<script type="module" src="/admin/assets/admin.js"></script>
</head>
<body><main id="app"></main></body>
</html>
`;

export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
