import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

describe('logger', () => {
  it('redacts authorization headers, tokens, keys and secrets', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.secret-token' } },
        token: 'tok-123',
        apiKey: 'sk_live_456',
        config: { jwtSecret: 'jwt-789', databaseUrl: 'postgres://user:pw@db/x' },
        nested: { secret: 'hidden-000' },
        orderId: 'o-1',
      },
      'order created',
    );
    const out = lines.join('');
    for (const secret of ['secret-token', 'tok-123', 'sk_live_456', 'jwt-789', 'user:pw', 'hidden-000']) {
      expect(out).not.toContain(secret);
    }
    expect(JSON.parse(out)).toMatchObject({ msg: 'order created', orderId: 'o-1', token: '[redacted]' });
  });
});
