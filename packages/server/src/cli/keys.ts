import { createApiKey } from '../auth/api-keys.js';
import { loadConfig } from '../config.js';
import { ConfigError } from '../config-error.js';
import { migrate } from '../db/migrate.js';
import { parseCliArgs } from './args.js';
import { openConfiguredDb } from './open.js';

/**
 * `alfie-server keys create [--name NAME]`: a secret API key for a host app's backend. Only its
 * hash is stored; the key is printed once.
 */
export async function run(args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values, positionals } = parseCliArgs(args, { name: { type: 'string' } });
  if (positionals[0] !== 'create' || positionals.length !== 1) {
    throw new ConfigError('Usage: alfie-server keys create [--name NAME]');
  }
  const name = values.name?.trim() || 'default';
  const config = loadConfig(env);
  const { db, release } = await openConfiguredDb(config);
  try {
    await migrate(db);
    const key = await createApiKey(db, name);
    process.stdout.write(
      `Created API key "${key.name}" (${key.prefix}...). It is shown only once:\n\n${key.key}\n\n` +
        'Use it from your backend: Authorization: Bearer <key>\n',
    );
  } finally {
    await release();
  }
}
