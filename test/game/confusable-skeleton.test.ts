import { describe, expect, it } from 'vitest';
import { caselessSkeleton } from '../../server/game/confusable-skeleton.js';

describe('the caseless confusable skeleton', () => {
  it('gives look-alikes from other scripts the skeleton of the Latin name', () => {
    const groups = [
      ['alice', 'ALICE', '\u0430lice', 'AL\u0399CE', 'al\u0456ce', 'a1ice'],
      ['bob', 'Bob', '\u0412ob', '\u0432\u043e\u0432', 'B\u039f\u0392'],
      ['paco', '\u0440\u0430\u0441\u043e', 'PACO'],
      ['emma', 'Ernrna', 'EMMA'],
      ['ana ol', 'ANA 01'],
    ];
    for (const [first, ...rest] of groups) {
      for (const lookalike of rest) expect(caselessSkeleton(lookalike!), `${lookalike} as ${first}`).toBe(caselessSkeleton(first!));
    }
  });

  it('ignores case for every Latin, Greek and Cyrillic letter', () => {
    for (let code = 0x41; code < 0x530; code++) {
      const char = String.fromCodePoint(code);
      if (!/\p{L}/u.test(char)) continue;
      expect(caselessSkeleton(char.toLowerCase()), char).toBe(caselessSkeleton(char.toUpperCase()));
    }
  });

  it('keeps apart names that only look different', () => {
    for (const [a, b] of [
      ['Zoë', 'Zoe'],
      ['José', 'Jose'],
      ['Ian', 'lan'],
      ['Ana 01', 'Ana 10'],
      ['Player 12', 'Player 21'],
    ]) {
      expect(caselessSkeleton(a!), `${a} and ${b}`).not.toBe(caselessSkeleton(b!));
    }
  });
});
