import { ConfigError } from '../config-error.js';

export type Env = Record<string, string | undefined>;

/** Reads a required variable, or throws the one-line ConfigError the CLI prints before exiting. */
export function requireEnv(env: Env, name: string, why: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is required ${why}`);
  return value;
}

/** Reads a non-negative integer variable (milliseconds, counts), with a default. */
export function intEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** Splits `replicate:owner/model` into its engine kind and model. */
export function parseEngineChoice(raw: string | undefined): { kind: string; model?: string } {
  const value = (raw ?? '').trim() || 'local';
  const colon = value.indexOf(':');
  if (colon === -1) return { kind: value.toLowerCase() };
  return { kind: value.slice(0, colon).toLowerCase(), model: value.slice(colon + 1).trim() || undefined };
}
