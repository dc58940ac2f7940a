/**
 * The fan-out bench's clients: BENCH_CLIENTS SSE connections to BENCH_URL (with BENCH_TOKEN as a
 * bearer when set), opened BENCH_CONNECT_AT_ONCE at a time. Prints `ready <ms to connect all>` once
 * every stream has sent its first bytes. Each message carries `seq` and `at` (the producer's clock
 * just before its INSERT, same machine): per delivery it records `now - at`, and per client it
 * counts messages and repeats. On the stdin line `report` it prints `report <json>`.
 */
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';

const env = process.env;
const url = new URL(env.BENCH_URL!);
const clients = Number(env.BENCH_CLIENTS ?? 1000);
const atOnce = Number(env.BENCH_CONNECT_AT_ONCE ?? 100);
const headers: Record<string, string> = { accept: 'text/event-stream' };
if (env.BENCH_TOKEN) headers.authorization = `Bearer ${env.BENCH_TOKEN}`;
const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
const now = () => performance.timeOrigin + performance.now();

let latencies = new Float64Array(1 << 16);
let samples = 0;
const record = (ms: number) => {
  if (samples === latencies.length) {
    const bigger = new Float64Array(latencies.length * 2);
    bigger.set(latencies);
    latencies = bigger;
  }
  latencies[samples++] = ms;
};

interface Client {
  received: number;
  repeated: number;
  lastSeq: number;
  closed: boolean;
}
const all: Client[] = [];

function numberAfter(text: string, key: string): number {
  const at = text.indexOf(key);
  if (at === -1) return Number.NaN;
  let end = at + key.length;
  // jsonb's text form (the bare fan-out writes it as-is) puts a space after the colon.
  while (text[end] === ' ') end++;
  const from = end;
  while (end < text.length && '0123456789.'.includes(text[end]!)) end++;
  return Number(text.slice(from, end));
}

function connect(): Promise<void> {
  return new Promise((resolve, reject) => {
    const client: Client = { received: 0, repeated: 0, lastSeq: 0, closed: false };
    all.push(client);
    const req = request(url, { agent, headers }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`status ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let carry = '';
      let first = true;
      res.on('data', (chunk: string) => {
        if (first) {
          first = false;
          resolve();
        }
        const t = now();
        carry += chunk;
        let start = 0;
        let end = carry.indexOf('\n\n');
        while (end !== -1) {
          const message = carry.slice(start, end);
          if (message.includes('data:')) {
            const seq = numberAfter(message, '"seq":');
            const at = numberAfter(message, '"at":');
            if (seq <= client.lastSeq) client.repeated++;
            else {
              client.lastSeq = seq;
              client.received++;
              record(t - at);
            }
          }
          start = end + 2;
          end = carry.indexOf('\n\n', start);
        }
        carry = carry.slice(start);
      });
      res.on('close', () => {
        client.closed = true;
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const t0 = now();
for (let i = 0; i < clients; i += atOnce) {
  await Promise.all(Array.from({ length: Math.min(atOnce, clients - i) }, () => connect()));
}
process.stdout.write(`ready ${Math.round(now() - t0)}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'report') return;
  const received = all.map((c) => c.received);
  const sorted = latencies.slice(0, samples).sort();
  const pick = (p: number) => sorted[Math.min(samples - 1, Math.max(0, Math.ceil((p / 100) * samples) - 1))];
  const report = {
    clients: all.length,
    closed: all.filter((c) => c.closed).length,
    minReceived: Math.min(...received),
    maxReceived: Math.max(...received),
    repeated: all.reduce((n, c) => n + c.repeated, 0),
    deliveries: samples,
    p50: pick(50),
    p99: pick(99),
    max: sorted[samples - 1],
  };
  process.stdout.write(`report ${JSON.stringify(report)}\n`);
});
