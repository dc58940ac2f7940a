import { describe, expect, it } from 'vitest';
import { asksForPerson, toLine } from '../intent/kinds.js';
import { tokenize } from '../intent/normalize.js';
import { readEdit } from './edit.js';
import { asksAgain, readRedo } from './follow-up.js';
import { readParts } from './parts.js';
import { readTurn } from './read-turn.js';
import { readSocial } from './social.js';

const line = (text: string) => toLine(tokenize(text).map((t) => t.w));

describe('conversation turns, read offline', () => {
  it.each([
    ['plutôt 3 slides', 'carousel', { format: 'carousel', count: 3 }],
    ['mets-en sept', 'carousel', { count: 7 }],
    ['en carré', 'carousel', { ratio: '1:1' }],
    ['format story', 'carousel', { ratio: '9:16' }],
    ['en 9:16', 'image', { ratio: '9:16' }],
    ['en vidéo plutôt', 'image', { format: 'video' }],
    ['20 secondes', 'video', { duration: 20 }],
    ['plutôt 20', 'video', { duration: 20 }],
    ['sur le thème du thé', 'image', { topic: 'thé' }],
    ['change le sujet : les chats', 'image', { topic: 'les chats' }],
    ["le sujet c'est le chocolat", 'image', { topic: 'le chocolat' }],
    ['make it 3 slides', 'carousel', { format: 'carousel', count: 3 }],
    ['square please', 'image', { ratio: '1:1' }],
    ['change the topic to dogs', 'image', { topic: 'dogs' }],
    ['pareil mais sur les chiens', 'image', { topic: 'les chiens' }],
    ['pour Instagram', 'carousel', { platform: 'instagram', ratio: '4:5' }],
    ['for tiktok', 'carousel', { platform: 'tiktok', ratio: '9:16' }],
    ['turn it into a video', 'image', { format: 'video' }],
    ['parle plutôt de méditation', 'image', { topic: 'méditation' }],
    ['mets 30 secondes', 'carousel', { duration: 30, format: 'video' }],
  ] as const)('"%s" edits only %j', (text, current, edit) => {
    expect(readEdit(text, current)).toEqual({ edit, leftover: [] });
  });

  it('leaves words it cannot explain, so a new request is not taken for a correction', () => {
    expect(readEdit('Crée un carrousel de 5 slides sur le thé', 'image').leftover).toEqual(['cree']);
  });

  it('splits multi-part requests and shares the topic named once', () => {
    const parts = readParts('2 images et une vidéo sur le surf');
    expect(parts?.map((p) => [p.format, p.count, p.topic])).toEqual([
      ['image', 2, 'le surf'],
      ['video', 1, 'le surf'],
    ]);
    expect(readParts('3 images and a video about surf')?.map((p) => p.format)).toEqual(['image', 'video']);
    expect(readParts('carrousel vidéo sur le sport')).toBeUndefined();
    expect(readParts('Miniature YouTube pour ma vidéo')).toBeUndefined();
    // The slides of one carousel are its pages, not a second part.
    expect(readParts('a LinkedIn carousel with 5 slides about hiring')).toBeUndefined();
    expect(readParts('carousel about productivity, 6 slides')).toBeUndefined();
    // A network named before a part's format does not hide the join.
    expect(readParts('an Instagram post and a TikTok video about our sale')?.map((p) => p.format)).toEqual([
      'image',
      'video',
    ]);
  });

  it('finds the slide to redo, by number, ordinal or "last"', () => {
    const redo = (text: string) => readRedo(tokenize(text), 4);
    expect(redo('refais la slide 2')).toBe(2);
    expect(redo('redo slide three')).toBe(3);
    expect(redo('regenerate the third slide')).toBe(3);
    expect(redo('la 2e slide, refais-la')).toBe(2);
    expect(redo('refais la dernière slide')).toBe(4);
    expect(redo('mets-en 3 slides')).toBeUndefined();
    expect(redo('refais-le en 3 slides')).toBeUndefined();
    expect(redo('peux-tu refaire la première ?')).toBe(1);
    expect(redo('do it again, the first one was better')).toBeUndefined();
  });

  it('tells small talk, hand-off and "the same again" apart from requests', () => {
    expect(readSocial(line('Bonjour !'), 'Bonjour !')).toBe('greeting');
    expect(readSocial(line('thanks!'), 'thanks!')).toBe('thanks');
    expect(readSocial(line('ça marche'), 'ça marche')).toBe('ack');
    expect(readSocial(line('?'), '?')).toBe('question');
    expect(readSocial(line('non merci'), 'non merci')).toBeUndefined();
    expect(
      readSocial(line('salut, crée une image de chat'), 'salut, crée une image de chat', true),
    ).toBeUndefined();
    expect(asksForPerson(line('je veux parler à un humain'), false)).toBe(true);
    expect(asksForPerson(line('can I talk to a real person?'), false)).toBe(true);
    expect(asksForPerson(line('un conseiller svp'), false)).toBe(true);
    expect(asksForPerson(line('une image sur le support client'), true)).toBe(false);
    expect(asksForPerson(line("photo de l'équipe"), true)).toBe(false);
    expect(asksAgain(line('encore'))).toBe(true);
    expect(asksAgain(line('une variante en 9:16'))).toBe(true);
    expect(asksAgain(line('same again'))).toBe(true);
  });

  it('takes a correction with a word or two left over, but not a request with its own topic', () => {
    const carousel = {
      format: 'carousel',
      count: 5,
      ratio: '4:5',
      duration: null,
      topic: 'le café',
    } as const;
    const state = { open: [carousel], running: false };
    expect(readTurn('use 5 slides', state)).toEqual({ kind: 'edit', edit: { format: 'carousel', count: 5 } });
    expect(readTurn('trop long, 3 slides suffiront', state)).toMatchObject({
      kind: 'edit',
      edit: { count: 3 },
    });
    expect(readTurn('A video on yoga', state)).toMatchObject({ kind: 'propose' });
    // "si" is no request wrapper: "on faisait" would read as a topic introduced by "on".
    expect(readTurn('et si on faisait plutôt 4 slides ?', state)).toEqual({
      kind: 'edit',
      edit: { format: 'carousel', count: 4 },
    });
  });

  it('reads a swap with no field named as a new topic, of the proposal or of a variant', () => {
    const image = {
      format: 'image',
      count: 1,
      ratio: '1:1',
      duration: null,
      topic: 'our summer camp',
    } as const;
    const open = { open: [image], running: false };
    expect(readTurn('focus on blues instead', open)).toEqual({ kind: 'edit', edit: { topic: 'blues' } });
    expect(readTurn('go with a jazz theme instead', open)).toEqual({
      kind: 'edit',
      edit: { topic: 'a jazz theme' },
    });
    expect(readTurn('non, plutôt des chiens', open)).toEqual({ kind: 'edit', edit: { topic: 'des chiens' } });
    expect(readTurn('a video instead', open)).toEqual({ kind: 'edit', edit: { format: 'video' } });
    expect(readTurn('non, annule plutôt', open)).toEqual({ kind: 'drop' });
    expect(readTurn('use cats instead', { open: [], last: { draft: image }, running: false })).toMatchObject({
      kind: 'propose',
      drafts: [{ draft: { format: 'image', topic: 'cats' } }],
      repeat: true,
    });
  });

  it('never takes the "s\'" of "s\'il te plaît" for seconds', () => {
    expect(readEdit("mets-en 3 s'il te plaît", 'carousel').edit).toEqual({ count: 3 });
  });
});
