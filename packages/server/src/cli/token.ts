import { signUserToken } from '../auth/jwt.js';
import { isUuid } from '../auth/principal.js';
import { loadConfig } from '../config.js';
import { ConfigError } from '../config-error.js';
import { parseCliArgs } from './args.js';
import { readStoredSecret } from './secret.js';

/**
 * `alfie-server token --user ID [--email E] [--brand ID]... [--expires-in SECONDS]`: signs a dev
 * user token with JWT_SECRET (or the secret `start` generated in DATA_DIR) and prints it.
 */
export async function run(args: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const { values } = parseCliArgs(args, {
    user: { type: 'string' },
    email: { type: 'string' },
    brand: { type: 'string', multiple: true },
    'expires-in': { type: 'string' },
  });
  if (!values.user || !isUuid(values.user)) throw new ConfigError('--user must be a user id (UUID)');
  for (const brand of values.brand ?? []) {
    if (!isUuid(brand)) throw new ConfigError(`--brand must be a brand id (UUID), got "${brand}"`);
  }
  const expiresIn = values['expires-in'] === undefined ? 3600 : Number(values['expires-in']);
  if (!Number.isInteger(expiresIn) || expiresIn < 1)
    throw new ConfigError('--expires-in must be a positive number of seconds');

  const config = loadConfig(env);
  const { maxLifetimeSeconds, audiences } = config.limits.tokens;
  if (expiresIn > maxLifetimeSeconds) {
    throw new ConfigError(`--expires-in must be at most JWT_MAX_LIFETIME_SECONDS (${maxLifetimeSeconds})`);
  }
  const secret = config.jwtSecret ?? (await readStoredSecret(config.dataDir));
  if (!secret) {
    throw new ConfigError(
      `JWT_SECRET is not set and ${config.dataDir} has no generated secret: set JWT_SECRET or run start once`,
    );
  }
  const { token } = await signUserToken(secret, {
    userId: values.user,
    email: values.email ?? null,
    brandIds: values.brand ?? null,
    expiresIn,
    audience: audiences[0],
  });
  process.stdout.write(`${token}\n`);
}
