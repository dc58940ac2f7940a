/**
 * How long finding a reuse match takes with 100,000 library assets in the brand's history, on
 * PostgreSQL and on PGlite: the route's own lookup (src/orders/reuse/find-match.ts) timed one call at a
 * time, printed as p50 / p99. Sizes: BENCH_ASSETS (100000), BENCH_SAMPLES (1000).
 */
import { randomUUID } from 'node:crypto';
import { migrate } from '../src/db/migrate.js';
import { createPgDb } from '../src/db/pg.js';
import { createPgliteDb } from '../src/db/pglite.js';
import type { Db } from '../src/db/types.js';
import type { NormalizedGenerate } from '../src/orders/plan.js';
import { findReuseMatch, MIN_TOPIC_SIMILARITY, SIMILARITY_WINDOW } from '../src/orders/reuse/find-match.js';
import { FIND_REUSE_MATCH } from '../src/sql/reuse/find-reuse-match.js';
import { createBenchDatabase } from './shared.js';

const ASSETS = Number(process.env.BENCH_ASSETS ?? 100_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 1000);

// A marketing vocabulary: topics of 3 to 4 of these words plus a year, so many topics share words
// and trigrams, as a real brand's history does.
const WORDS = `marketing tendances réseaux sociaux instagram linkedin produit lancement soldes hiver été
  printemps automne rentrée noël promo offre nouveauté collection conseils astuces guide étapes
  erreurs stratégie contenu vidéo carrousel marque clients fidélité avis témoignage équipe coulisses
  recrutement événement webinaire atelier salon podcast newsletter blog seo croissance startup
  freelance entrepreneur business vente boutique ecommerce livraison gratuit cadeau concours
  jeu quiz sondage statistiques chiffres bilan objectifs résultats innovation durable écologie
  local artisan fabrication qualité prix comparatif tutoriel recette cuisine mode beauté sport
  santé bien-être voyage immobilier finance épargne assurance banque formation école emploi`
  .split(/\s+/)
  .filter(Boolean);

const SEED_ORDERS = `
  insert into orders (user_id, brand_id, type, status, topic, ratio, count, period_yyyymm, completed_at, created_at)
  select $1::uuid, $2::uuid, 'image', 'completed',
    w.words[1 + (i::bigint * 7919) % w.n] || ' ' || w.words[1 + (i::bigint * 104729) % w.n] || ' ' ||
      w.words[1 + (i::bigint * 1299709) % w.n] ||
      case when i % 3 = 0 then ' ' || w.words[1 + (i::bigint * 15485863) % w.n] else '' end ||
      ' ' || (1995 + i % 31)::text,
    '1:1', 1, 202612, now(), now() - make_interval(secs => i)
  from generate_series(1, $3::integer) as i,
    (select $4::text[] as words, array_length($4::text[], 1) as n) as w
`;
const SEED_ASSETS = `
  insert into library_assets (user_id, brand_id, order_id, type, cloudinary_url, slide_index)
  select o.user_id, o.brand_id, o.id, 'image', 'https://cdn.test/' || o.id || '.png', 0 from orders o
`;
const SAMPLE_TOPICS = `select topic from orders order by random() limit $1`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Repeats (re-spelled), near repeats (a word dropped or added) and unrelated topics, a third each. */
function queries(topics: string[]): string[] {
  return topics.map((topic, i) => {
    const words = topic.split(' ');
    if (i % 3 === 0) return `${topic.toUpperCase()} !`;
    if (i % 3 === 1)
      return words.length > 3 ? [...words.slice(0, 1), ...words.slice(2)].join(' ') : `les ${topic}`;
    return `zx${i} qw${i * 7} unrelated ${i}`;
  });
}

async function run(label: string, db: Db): Promise<void> {
  await migrate(db);
  const userId = randomUUID();
  const { rows } = await db.query<{ id: string }>(
    `insert into brands (user_id, name, palette) values ($1, 'Bench', '["#112233","#FFAA00"]') returning id`,
    [userId],
  );
  const brandId = rows[0]!.id;
  const seeded = performance.now();
  await db.query(SEED_ORDERS, [userId, brandId, ASSETS, WORDS]);
  await db.query(SEED_ASSETS);
  await db.exec('analyze orders; analyze library_assets;');
  const seedSeconds = (performance.now() - seeded) / 1000;

  const topics = (await db.query<{ topic: string }>(SAMPLE_TOPICS, [SAMPLES])).rows.map((r) => r.topic);
  const user = { userId, brandIds: null };
  const request = (topic: string): NormalizedGenerate => ({
    format: 'image',
    count: 1,
    topic,
    brandId,
    ratio: '1:1',
    duration: null,
    variants: null,
  });
  // Warm-up: plans cached, pages in memory, as on a running server.
  for (const topic of topics.slice(0, 50)) await findReuseMatch(db, user, request(topic));

  const times: number[] = [];
  const hits = [0, 0, 0];
  const asked = queries(topics);
  for (const [i, topic] of asked.entries()) {
    const started = performance.now();
    const match = await findReuseMatch(db, user, request(topic));
    times.push(performance.now() - started);
    if (match) hits[i % 3]!++;
  }
  times.sort((a, b) => a - b);
  // The database's own execution time of the same statement (EXPLAIN ANALYZE), free of the client's
  // scheduling: on a shared, loaded machine the round trip above mostly measures waiting for a core.
  const executions: number[] = [];
  for (const topic of asked.slice(0, Math.min(200, asked.length))) {
    const plan = await db.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(
      `explain (analyze, format json) ${FIND_REUSE_MATCH}`,
      [
        userId,
        null,
        brandId,
        'image',
        '1:1',
        1,
        null,
        topic,
        MIN_TOPIC_SIMILARITY,
        null,
        null,
        SIMILARITY_WINDOW,
      ],
    );
    executions.push(plan.rows[0]!['QUERY PLAN'][0]!['Execution Time']);
  }
  executions.sort((a, b) => a - b);
  const third = Math.ceil(SAMPLES / 3);
  console.log(
    `${label.padEnd(10)} assets ${ASSETS.toLocaleString('en')}  seeded in ${seedSeconds.toFixed(1)} s  ` +
      `match p50 ${percentile(times, 50).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms  ` +
      `max ${times.at(-1)!.toFixed(2)} ms  in the database p50 ${percentile(executions, 50).toFixed(2)} ms ` +
      `p99 ${percentile(executions, 99).toFixed(2)} ms  found: repeats ${hits[0]}/${third}, near ${hits[1]}/${third}, unrelated ${hits[2]}/${Math.floor(SAMPLES / 3)}`,
  );
}

const bench = await createBenchDatabase();
try {
  const pgDb = createPgDb({ connectionString: bench.url });
  try {
    await run('postgres', pgDb);
  } finally {
    await pgDb.close();
  }
} finally {
  await bench.drop();
}
const lite = await createPgliteDb();
try {
  await run('pglite', lite);
} finally {
  await lite.close();
}
