// @ts-check
// Orders a carousel from a local alfie-server and prints each slide's URL the moment it is delivered.
// Usage: ALFIE_TOKEN=... ALFIE_BRAND=... node generate-carousel.mjs "Les tendances marketing 2025"
import { createAlfieClient, isAlfieError } from '@alfie/core';

const baseUrl = process.env.ALFIE_URL ?? 'http://localhost:8787';
const token = process.env.ALFIE_TOKEN;
const brandId = process.env.ALFIE_BRAND;
if (!token || !brandId) {
  console.error('Set ALFIE_TOKEN and ALFIE_BRAND: `alfie-server start` prints a demo token and brand id.');
  process.exit(1);
}
const topic = process.argv.slice(2).join(' ') || 'Les tendances marketing 2025';
const count = Number(process.env.ALFIE_SLIDES ?? 5);

const client = createAlfieClient({ baseUrl, token });
// Ctrl-C closes the live connection cleanly.
const stop = new AbortController();
process.once('SIGINT', () => stop.abort());

try {
  const { orderId } = await client.generate(
    { format: 'carousel', count, topic, brandId },
    { signal: stop.signal },
  );
  console.log(`Order ${orderId} accepted: ${count} slides on "${topic}"`);

  const watcher = client.orders.watch(orderId, { signal: stop.signal });
  const printed = new Set();
  let lastConnection = '';
  const final = await new Promise((resolve) => {
    watcher.subscribe(() => {
      const snapshot = watcher.getSnapshot();
      if (snapshot.connection !== lastConnection) {
        lastConnection = snapshot.connection;
        console.log(`  [${snapshot.connection}]`);
      }
      for (const asset of snapshot.assets) {
        if (printed.has(asset.id)) continue;
        printed.add(asset.id);
        const { completed, expected } = snapshot.progress;
        console.log(`  slide ${(asset.slideIndex ?? 0) + 1} (${completed}/${expected}): ${asset.url}`);
      }
      if (snapshot.done || snapshot.connection === 'closed') resolve(snapshot);
    });
  });
  watcher.close();

  if (final.error) throw final.error;
  console.log(`Order ${final.status ?? 'closed'}: ${final.assets.length} slide(s).`);
  const quota = await client.quotas.get(brandId);
  console.log(`Images left this month: ${quota.remaining.images} (resets ${quota.resetsAt})`);
} catch (error) {
  if (isAlfieError(error) && error.code === 'QUOTA_EXCEEDED') {
    console.error(`Quota exceeded: ${error.remaining.images} image(s) left until ${error.resetsAt}.`);
  } else if (isAlfieError(error)) {
    console.error(
      `Alfie error ${error.code}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`,
    );
  } else if (stop.signal.aborted) {
    console.error('Stopped.');
  } else {
    throw error;
  }
  process.exitCode = 1;
}
