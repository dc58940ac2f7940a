/**
 * A wrong or missing setting. The CLI prints its message as one line and exits with code 1, so the
 * message must name the variable and say what is expected, and must never contain a secret's value.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
