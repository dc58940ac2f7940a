import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openConfiguredDb } from './open.js';

/** `alfie-server migrate`: applies pending migrations and lists them. */
export async function run(_args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadConfig(env);
  const { db, release } = await openConfiguredDb(config);
  try {
    const { applied } = await migrate(db, {
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
    });
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await release();
  }
}
