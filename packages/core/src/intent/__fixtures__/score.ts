// The metric of ../../../../../../shared/intents/score.mjs, reproduced so tests can score the TypeScript
// source directly (score.mjs runs on import and exits, so it cannot be imported).
import { readFileSync } from 'node:fs';
import type { Intent } from '../types.js';

export interface LabelledRow {
  text: string;
  locale: 'fr' | 'en';
  expect: { kind: string; [field: string]: unknown };
}

const STOP = new Set(
  (
    'le la les l un une des de du d au aux a à en sur pour par avec et ou mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
    'the a an of on about for to with and or my your our their his her its in at'
  ).split(' '),
);

const tokens = (s: unknown): string[] =>
  String(s ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !STOP.has(w));

export function topicF1(expected: unknown, got: unknown): number {
  const e = tokens(expected);
  const g = tokens(got);
  if (e.length === 0 && g.length === 0) return 1;
  if (e.length === 0 || g.length === 0) return 0;
  const pool = [...g];
  let hit = 0;
  for (const w of e) {
    const i = pool.indexOf(w);
    if (i >= 0) {
      hit++;
      pool.splice(i, 1);
    }
  }
  if (hit === 0) return 0;
  const p = hit / g.length;
  const r = hit / e.length;
  return (2 * p * r) / (p + r);
}

/** Why `got` misses `expect` (empty when right), exactly as score.mjs decides. */
export function misses(expect: LabelledRow['expect'], got: Intent): string[] {
  if (got.kind !== expect.kind) return [`kind ${got.kind} != ${expect.kind}`];
  if (got.kind !== 'generate') return [];
  const out: string[] = [];
  for (const k of ['format', 'count', 'ratio', 'duration', 'platform'] as const) {
    const want = expect[k] ?? null;
    if (want !== (got[k] ?? null)) out.push(`${k} ${JSON.stringify(got[k])} != ${JSON.stringify(want)}`);
  }
  if (topicF1(expect.topic, got.topic) < 0.67)
    out.push(`topic ${JSON.stringify(got.topic)} != ${JSON.stringify(expect.topic)}`);
  return out;
}

export const readRows = (file: string): LabelledRow[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledRow);
