import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config-error.js';

/** node:util parseArgs, with a bad flag reported as a one-line ConfigError (exit 1). */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError((error as Error).message.split('\n')[0] ?? 'Invalid arguments');
  }
}
