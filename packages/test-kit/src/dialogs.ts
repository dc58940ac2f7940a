/**
 * The worked conversations of intents/dialogs.jsonl and how DIALOGS.md judges them: the server's
 * API is the ground truth (orders, their fields and status, assets, quota). Shared by the core run
 * and the widget's Chromium run.
 */
import { readFileSync } from 'node:fs';
import type { Asset, Order, OrderDetail, Quota } from '@alfie/core';

export interface Dialog {
  locale: 'fr' | 'en';
  turns: string[];
  expect: {
    orders?: number;
    order?: Partial<Pick<Order, 'ratio' | 'count' | 'duration' | 'topic'>> & { format?: string };
    formats?: string[];
    reply?: 'social' | 'any';
    proposal?: boolean;
    handoff?: boolean;
    canceled?: boolean;
    redo?: { slide: number };
    slideTextLanguage?: 'fr' | 'en';
  };
}

const DIALOGS_FILE = new URL('../../../../shared/intents/dialogs.jsonl', import.meta.url);

/** The shared worked examples, or another file of the same shape (a package's own fixtures). */
export const loadDialogs = (file: URL | string = DIALOGS_FILE): Dialog[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Dialog);

/** What the API said about the conversation's orders, read after its last turn. */
export interface ApiView {
  /** Oldest first. */
  orders: OrderDetail[];
  quota: Quota;
}

/** The last carousel's assets and the quota when it ended: what a redo is compared with. */
export interface Before {
  assets: Asset[];
  imagesUsed: number;
}

const STOP = new Set(
  (
    'le la les l un une des de du d au aux a à en sur pour par avec et ou mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ' +
    'the a an of on about for to with and or my your our their his her its in at'
  ).split(' '),
);
const words = (s: string | null | undefined) =>
  String(s ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w && !STOP.has(w));

/** Topic agreement as SPEC.md scores it: token F1 after folding and dropping articles and prepositions. */
export function topicF1(expected: string, got: string | null | undefined): number {
  const e = words(expected);
  const pool = words(got);
  if (e.length === 0 && pool.length === 0) return 1;
  const size = pool.length;
  let hit = 0;
  for (const w of e) {
    const at = pool.indexOf(w);
    if (at >= 0) {
      hit++;
      pool.splice(at, 1);
    }
  }
  if (hit === 0) return 0;
  const p = hit / size;
  const r = hit / e.length;
  return (2 * p * r) / (p + r);
}

const FRENCH = /\b(le|la|les|des|du|et|pour|vos|votre|une|un|dans|avec|est|sur|à|en)\b/i;
const ENGLISH = /\b(the|and|your|for|with|you|is|of|to|in|on)\b/i;

/** The language the slide texts are written in, judged by their small words. */
export function textLanguage(assets: Asset[]): 'fr' | 'en' | 'unknown' {
  const text = assets.map((a) => `${a.text?.title ?? ''} ${a.text?.subtitle ?? ''}`).join(' ');
  const fr = (text.match(new RegExp(FRENCH, 'gi')) ?? []).length;
  const en = (text.match(new RegExp(ENGLISH, 'gi')) ?? []).length;
  if (fr === en) return 'unknown';
  return fr > en ? 'fr' : 'en';
}

/** Every way the API view breaks the dialog's `expect`; empty when it holds. */
export function judge(
  dialog: Dialog,
  api: ApiView,
  surface: { lastReply: string | null; unknownReply: string | null; proposalOpen: boolean; handoff: boolean },
  before: Before | null,
): string[] {
  const { expect } = dialog;
  const misses: string[] = [];
  const last = api.orders.at(-1);
  const wantOrders = expect.orders ?? (expect.order || expect.canceled || expect.redo ? 1 : undefined);
  if (wantOrders !== undefined && api.orders.length !== wantOrders && !expect.formats)
    misses.push(`orders ${api.orders.length} != ${wantOrders}`);
  if (expect.order) {
    if (!last) misses.push('no order');
    else {
      const { format, topic, ...fields } = expect.order;
      if (format && last.type !== format) misses.push(`format ${last.type} != ${format}`);
      for (const [key, value] of Object.entries(fields)) {
        const got = (last as unknown as Record<string, unknown>)[key];
        if (got !== value) misses.push(`${key} ${JSON.stringify(got)} != ${JSON.stringify(value)}`);
      }
      if (topic && topicF1(topic, last.topic) < 0.67)
        misses.push(`topic ${JSON.stringify(last.topic)} != ${topic}`);
    }
  }
  if (expect.formats) {
    const got = api.orders.map((o) => o.type);
    if (JSON.stringify(got) !== JSON.stringify(expect.formats))
      misses.push(`formats ${got} != ${expect.formats}`);
  }
  if (expect.reply === 'social' && (!surface.lastReply || surface.lastReply === surface.unknownReply))
    misses.push(`reply ${JSON.stringify(surface.lastReply)} is not social`);
  if (expect.reply === 'any' && !surface.lastReply) misses.push('no reply');
  if (expect.proposal === false && surface.proposalOpen) misses.push('a proposal is still open');
  if (expect.handoff && !surface.handoff) misses.push('no handoff event');
  if (expect.canceled) {
    if (last?.status !== 'canceled') misses.push(`last order ${last?.status} is not canceled`);
    else if (!(api.quota.used.images < last.count)) misses.push('the canceled order was charged in full');
  }
  if (expect.redo) {
    const k = expect.redo.slide;
    if (!last || !before) misses.push('no carousel before the redo');
    else {
      const slide = (assets: Asset[], i: number) => assets.find((a) => a.slideIndex === i);
      for (let i = 0; i < last.count; i++) {
        const was = slide(before.assets, i);
        const now = slide(last.assets, i);
        if (!now) misses.push(`slide ${i + 1} missing after the redo`);
        else if (i === k - 1 && was && (now.id === was.id || now.url === was.url))
          misses.push(`slide ${k} was not redone`);
        else if (i !== k - 1 && was && now.id !== was.id) misses.push(`slide ${i + 1} changed`);
      }
      if (api.quota.used.images !== before.imagesUsed + 1)
        misses.push(`images used ${api.quota.used.images} != ${before.imagesUsed} + 1`);
    }
  }
  if (expect.slideTextLanguage && last) {
    const language = textLanguage(last.assets);
    if (language !== expect.slideTextLanguage) misses.push(`slide texts in ${language}`);
  }
  return misses;
}
