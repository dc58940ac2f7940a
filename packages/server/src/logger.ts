import { type Logger, pino } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/**
 * Paths whose values never reach the logs: authorization headers, tokens, API keys and secrets,
 * wherever a caller happens to put them in a log object.
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  'headers.cookie',
  'req.headers.cookie',
  'token',
  'accessToken',
  'apiKey',
  'key',
  'secret',
  'jwtSecret',
  'password',
  'databaseUrl',
  '*.authorization',
  '*.token',
  '*.accessToken',
  '*.apiKey',
  '*.key',
  '*.secret',
  '*.jwtSecret',
  '*.password',
  '*.databaseUrl',
  'replicateWebhookSecret',
  '*.replicateWebhookSecret',
  'config.jwtSecret',
  'config.databaseUrl',
  'metricsToken',
  '*.metricsToken',
];

/**
 * The server's structured logger (JSON lines on stdout).
 *
 * @example
 * const logger = createLogger({ level: 'info' });
 * logger.info({ orderId, jobId }, 'order created');
 */
export function createLogger(
  options: { level?: LogLevel; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      name: 'alfie-server',
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
    },
    options.destination,
  );
}
