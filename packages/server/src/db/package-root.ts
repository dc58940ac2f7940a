import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The folder of @alfie/server's package.json, found by walking up from this module. The same code
 * runs from `src/db/` (vitest, tsx) and bundled into `dist/` (the CLI), at different depths.
 */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@alfie/server') {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the @alfie/server package root');
    dir = parent;
  }
}

/** Where the numbered `.sql` migrations live (shipped in the package's `files`). */
export function migrationsDir(): string {
  return join(packageRoot(), 'migrations');
}
