import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError } from '../config-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with a bad flag reported as a one-line ConfigError (exit 1). */
export function parseCliArgs<T extends Options>(
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ConfigError((error as Error).message.split('\n')[0] ?? 'Invalid arguments');
  }
}
