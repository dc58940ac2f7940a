import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/**
 * The same test files run once per supported React major. `react-18` and `react-dom-18` are npm
 * aliases installed beside React 19; the React 18 project points `react` and `react-dom` at them.
 */
export function reactProject(major: 18 | 19): UserWorkspaceConfig {
  // Tests run against core's source, so they never depend on core having been built first.
  const core = [
    { find: /^@alfie\/core$/, replacement: fileURLToPath(new URL('../core/src/index.ts', import.meta.url)) },
    {
      find: /^@alfie\/core\/(intent|contract)$/,
      replacement: fileURLToPath(new URL('../core/src/$1/index.ts', import.meta.url)),
    },
  ];
  const react =
    major === 18
      ? [
          { find: /^react$/, replacement: packageDir('react-18') },
          { find: /^react\/(.*)$/, replacement: `${packageDir('react-18')}/$1` },
          { find: /^react-dom$/, replacement: packageDir('react-dom-18') },
          { find: /^react-dom\/(.*)$/, replacement: `${packageDir('react-dom-18')}/$1` },
        ]
      : [];
  return defineProject({
    resolve: { alias: [...core, ...react] },
    test: {
      name: major === 19 ? 'react' : 'react18',
      include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      environment: './test/jsdom-environment.ts',
      setupFiles: major === 18 ? ['./test/react18-setup.ts', './test/setup.ts'] : ['./test/setup.ts'],
      // react18-setup.ts patches Node's resolver for its process: one forked process per test file
      // keeps that patch away from the React 19 files.
      pool: 'forks',
      isolate: true,
      env: { EXPECTED_REACT_MAJOR: String(major) },
      testTimeout: 20_000,
    },
  });
}
