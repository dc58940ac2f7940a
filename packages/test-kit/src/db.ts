/**
 * Fresh, migrated databases for tests: real PostgreSQL always, PGlite where it can.
 *
 * Usage:
 *   import { createTestDb, TEST_DB_KINDS, type TestDb } from '@alfie/test-kit/db';
 *
 *   describe.each(TEST_DB_KINDS)('orders on %s', (kind) => {
 *     let db: TestDb;
 *     beforeEach(async () => { db = await createTestDb(kind); });
 *     afterEach(() => db.drop());
 *     it('...', async () => { await db.query('select 1'); });
 *   });
 *
 * A `TestDb` is a normal `Db` (from `@alfie/server`) plus `url` (PostgreSQL: a connection string other
 * processes can use), `dataDir` (PGlite) and `drop()` (closes and deletes it).
 *
 * How it stays fast: PostgreSQL clones a template database (`CREATE DATABASE x TEMPLATE tpl`, ~50 ms);
 * PGlite copies a template data directory and reopens it (~0.3 s instead of ~4 s). Each template is
 * migrated once and named after a hash of the migration files, so it is reused across test files,
 * workers and runs, and rebuilt by itself when a migration changes. Names are random per test.
 * The admin connection is TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDb, createPgliteDb, type Db, type DbKind, migrate } from '@alfie/server';
import pg from 'pg';
import { vi } from 'vitest';
import { serverPackagePath } from './server-package.js';

// Creating and copying databases takes seconds when the 2 shared cores are busy: files that use
// these helpers get generous timeouts instead of vitest's 5 s default.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

export const TEST_DB_KINDS: readonly DbKind[] = ['postgres', 'pglite'];

export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDb extends Db {
  /** Database name (PostgreSQL) or directory name (PGlite). */
  readonly name: string;
  /** PostgreSQL only: connection string of this database, e.g. for a child process. */
  readonly url: string | null;
  /** PGlite only: its data directory. */
  readonly dataDir: string | null;
  /** Closes the connections and deletes the database. Safe to call twice. */
  drop(): Promise<void>;
}

const TEMPLATE_LOCK_KEY = 7_262_871_002;

function randomName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
}

/**
 * A short digest of every migration file's name and content: a changed migration gets a new template.
 * The files are the ones `migrate` applies: the `migrations/` folder the server package ships.
 */
function migrationsHash(): string {
  const dir = serverPackagePath('migrations');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}:`).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Databases of crashed runs would pile up: names carry their creation time (base 36), so any test
 * database older than two hours is dropped when a run starts.
 */
async function dropLeftovers(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname ~ '^alfie_(test|empty|tplbuild)_[0-9a-z]+_[0-9a-f]+$'`,
  );
  const cutoff = Date.now() - 2 * 3600_000;
  for (const { datname } of rows) {
    const created = Number.parseInt(datname.split('_')[2] ?? '', 36);
    if (created < cutoff)
      await admin.query(`drop database if exists "${datname}" with (force)`).catch(() => {});
  }
}

let pgTemplate: Promise<string> | null = null;

/** Creates (once, under an advisory lock shared by every process) the migrated template database. */
function postgresTemplate(): Promise<string> {
  pgTemplate ??= withAdmin(async (admin) => {
    const template = `alfie_tpl_${migrationsHash()}`;
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    try {
      await dropLeftovers(admin);
      const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (rowCount) return template;
      // Built under another name and renamed when complete, so a crash never leaves a half template.
      const building = randomName('alfie_tplbuild');
      await admin.query(`create database "${building}"`);
      const db = createPgDb({ connectionString: databaseUrl(building), max: 1 });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await admin.query(`alter database "${building}" rename to "${template}"`);
      return template;
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
    }
  });
  pgTemplate.catch(() => {
    pgTemplate = null;
  });
  return pgTemplate;
}

let pgliteTemplate: Promise<string> | null = null;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A migrated PGlite data directory in the OS temp dir, published by an atomic rename. */
function pgliteTemplateDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const root = join(tmpdir(), 'alfie-test-pglite');
    await mkdir(root, { recursive: true });
    const template = join(root, `tpl_${migrationsHash()}`);
    if (await exists(template)) return template;
    const building = join(root, randomName('build'));
    const db = await createPgliteDb({ dataDir: building });
    try {
      await migrate(db);
    } finally {
      await db.close();
    }
    try {
      await rename(building, template);
    } catch {
      // Another worker published the same template first: use theirs.
      await rm(building, { recursive: true, force: true });
    }
    return template;
  })();
  pgliteTemplate.catch(() => {
    pgliteTemplate = null;
  });
  return pgliteTemplate;
}

function withDrop(db: Db, extra: Omit<TestDb, keyof Db | 'drop'>, remove: () => Promise<void>): TestDb {
  let dropped: Promise<void> | null = null;
  return {
    ...extra,
    kind: db.kind,
    query: db.query,
    exec: db.exec,
    transaction: db.transaction,
    listen: db.listen,
    close: db.close,
    drop() {
      dropped ??= db
        .close()
        .catch(() => {})
        .then(remove);
      return dropped;
    },
  };
}

/**
 * A fresh, migrated database of the given kind (default PostgreSQL). Call `drop()` when done.
 *
 * @example
 * const db = await createTestDb('pglite');
 * try { ... } finally { await db.drop(); }
 */
export async function createTestDb(kind: DbKind = 'postgres'): Promise<TestDb> {
  if (kind === 'postgres') {
    const template = await postgresTemplate();
    const name = randomName('alfie_test');
    await withAdmin((admin) => admin.query(`create database "${name}" template "${template}"`));
    const url = databaseUrl(name);
    const db = createPgDb({ connectionString: url, max: 20 });
    return withDrop(db, { name, url, dataDir: null }, () =>
      withAdmin(async (admin) => {
        await admin.query(`drop database if exists "${name}" with (force)`);
      }),
    );
  }
  const template = await pgliteTemplateDir();
  const name = randomName('db');
  const dataDir = join(tmpdir(), 'alfie-test-pglite', name);
  await cp(template, dataDir, { recursive: true });
  const db = await createPgliteDb({ dataDir });
  return withDrop(db, { name, url: null, dataDir }, () => rm(dataDir, { recursive: true, force: true }));
}

/**
 * An empty, unmigrated PostgreSQL database (for migration tests). Returns its url and a drop function.
 */
export async function createEmptyPostgresDb(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = randomName('alfie_empty');
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin(async (admin) => {
        await admin.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}
