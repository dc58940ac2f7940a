import { describe, expect, it } from 'vitest';
import type { Draft } from './draft.js';
import { readTurn } from './read-turn.js';
import { readVariants } from './read-variants.js';

const image: Draft = { format: 'image', count: 1, ratio: '1:1', duration: null, topic: 'le café' };

describe('variants asked for in the conversation', () => {
  it.each([
    ['Une image sur le café en 3 variantes', 3, 'Une image sur le café'],
    ["3 variantes d'une image sur le café", 3, 'une image sur le café'],
    ['An image about spring flowers with 3 variants', 3, 'An image about spring flowers'],
    ['an image about sales, 2 versions', 2, 'an image about sales'],
    ['A/B test: an image about spring flowers', 2, 'an image about spring flowers'],
    [
      'Un carrousel de 5 slides sur le thé avec 2 variantes de couverture',
      2,
      'Un carrousel de 5 slides sur le thé',
    ],
    ['une image sur le café en 9 variantes', 4, 'une image sur le café'],
  ])('%s', (text, variants, rest) => expect(readVariants(text)).toEqual({ variants, rest }));

  it.each([
    'une variante en 9:16',
    'une autre version',
    'same again',
    '1 version sur le café',
    'Crée un carrousel de 5 slides sur le vélo',
  ])('reads none in %s', (text) => expect(readVariants(text).variants).toBeUndefined());

  it.each(['sans variantes', 'une seule version', 'no variants', 'without A/B'])('drops them on %s', (text) =>
    expect(readTurn(text, { open: [{ ...image, variants: 3 }], running: false })).toEqual({
      kind: 'edit',
      edit: { variants: null },
    }),
  );

  it('proposes, corrects and repeats with variants', () => {
    const propose = readTurn('Une image sur le café en 3 variantes', { open: [], running: false });
    expect(propose).toMatchObject({
      kind: 'propose',
      drafts: [{ draft: { format: 'image', count: 1, variants: 3, topic: 'le café' } }],
    });
    expect(readTurn('avec 2 variantes', { open: [image], running: false })).toEqual({
      kind: 'edit',
      edit: { variants: 2 },
    });
    expect(
      readTurn('fais-en 3 versions', { open: [], last: { draft: image }, running: false }),
    ).toMatchObject({
      kind: 'propose',
      repeat: true,
      drafts: [{ draft: { variants: 3, topic: 'le café' } }],
    });
  });

  it('takes the offered reuse only when one is offered', () => {
    expect(readTurn('réutilise-le', { open: [image], running: false, offer: true })).toEqual({
      kind: 'reuse',
    });
    expect(readTurn('oui', { open: [image], running: false, offer: true })).toEqual({ kind: 'confirm' });
    expect(readTurn('encore', { open: [], last: { draft: image }, running: false })).toMatchObject({
      kind: 'propose',
      repeat: true,
    });
  });
});
