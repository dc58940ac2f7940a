import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A file of the installed `@alfie/server` package, as it ships (`migrations/`, `dist/cli.js`):
 * what a user's machine has, whichever worktree or install the kit runs from.
 */
export function serverPackagePath(...segments: string[]): string {
  return join(dirname(createRequire(import.meta.url).resolve('@alfie/server/package.json')), ...segments);
}
