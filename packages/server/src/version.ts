import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './db/package-root.js';

/** @alfie/server's version, read once from its package.json. */
export const SERVER_VERSION: string = JSON.parse(
  readFileSync(join(packageRoot(), 'package.json'), 'utf8'),
).version;
