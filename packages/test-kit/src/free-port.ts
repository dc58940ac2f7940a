import { createServer } from 'node:net';

/**
 * A port nobody listens on right now (the OS picks it), for a server a test starts as a child
 * process. Another process could take it before the child binds it; on a test machine that is rare.
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
