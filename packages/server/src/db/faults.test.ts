import { describe, expect, it } from 'vitest';
import { asDatabaseError, DatabaseUnavailableError, isDatabaseUnavailable } from './faults.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('takes connection failures and shutdowns for an outage', () => {
    for (const code of ['08006', '08001', '57P01', 'ECONNREFUSED']) {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    }
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(asDatabaseError(withCode('57P01'))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('leaves a protocol violation and ordinary SQL errors as they are: they are bugs, not outages', () => {
    const protocol = withCode(
      '08P01',
      'bind message supplies 7 parameters, but prepared statement requires 8',
    );
    expect(isDatabaseUnavailable(protocol)).toBe(false);
    expect(asDatabaseError(protocol)).toBe(protocol);
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
  });
});
