import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** process.env plus the example's .env file (no dependency needed for such a small format). */
export function loadEnv() {
  const file = fileURLToPath(new URL('../.env', import.meta.url));
  const env = { ...process.env };
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*(#.*)?$/.exec(line);
      if (match && env[match[1]] === undefined) env[match[1]] = match[2];
    }
  }
  return env;
}
