import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * pnpm links the `react-dom-18` alias to the workspace's `react` (19) as its peer, so a plain
 * `require('react')` from inside react-dom 18 (or @testing-library/react) would load React 19 next
 * to react-dom 18. vitest's aliases only rewrite the modules it transforms; this redirects Node's own
 * CommonJS resolution the same way for the React 18 project.
 */
type Resolve = (request: string, ...rest: unknown[]) => string;
const nodeModule = createRequire(import.meta.url)('node:module') as { _resolveFilename: Resolve };
const here = createRequire(import.meta.url);
const dirs: Record<string, string> = {
  react: dirname(here.resolve('react-18/package.json')),
  'react-dom': dirname(here.resolve('react-dom-18/package.json')),
};
const resolveFilename = nodeModule._resolveFilename;
nodeModule._resolveFilename = function redirectToReact18(request, ...rest) {
  const match = /^(react|react-dom)(\/.*)?$/.exec(request);
  const target = match ? `${dirs[match[1]!]}${match[2] ?? ''}` : request;
  return resolveFilename.call(this, target, ...rest);
};
