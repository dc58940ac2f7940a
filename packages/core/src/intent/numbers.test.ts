import { describe, expect, it } from 'vitest';
import { tokenize } from './normalize.js';
import { readNumber } from './numbers.js';

const read = (text: string) => readNumber(tokenize(text), 0)?.value;

describe('readNumber', () => {
  it.each([
    ['trois', 3],
    ['une', 1],
    ['seize', 16],
    ['dix-sept', 17],
    ['vingt', 20],
    ['vingt-cinq', 25],
    ['vingt et un', 21],
    ['trente-deux', 32],
    ['cinquante-neuf', 59],
    ['soixante', 60],
    ['soixante-quinze', 75],
    ['five', 5],
    ['nineteen', 19],
    ['twenty five', 25],
    ['forty-two', 42],
    ['sixty', 60],
    ['45', 45],
  ])('%s is %i', (text, value) => {
    expect(read(text)).toBe(value);
  });

  it('stops at the number and ignores other words', () => {
    expect(readNumber(tokenize('vingt slides'), 0)).toEqual({ value: 20, end: 1 });
    expect(read('chat')).toBeUndefined();
  });
});
