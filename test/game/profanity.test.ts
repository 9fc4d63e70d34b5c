import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { describe, expect, it } from 'vitest';
import { generatedNickname } from '../../server/game/nickname.js';
import { ProfanityFilter } from '../../server/game/profanity.js';

const filter = new ProfanityFilter();
const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** Every word the English dataset was written from, read through its public phrase list. */
function datasetWords(): string[] {
  const words: string[] = [];
  new DataSet<{ originalWord?: string }>().addAll(englishDataset).removePhrasesIf((phrase) => {
    if (phrase.metadata?.originalWord) words.push(phrase.metadata.originalWord);
    return false;
  });
  return words;
}

const LEET: Record<string, string> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const disguises = (word: string) => [
  word,
  word.toUpperCase(),
  [...word].map((c) => LEET[c] ?? c).join(''),
  [...word].join(' '),
  `Mr ${word} 12`,
  `${word}${word.at(-1)}${word.at(-1)}y`,
];
const words = datasetWords();
const disguisedWords = words.flatMap(disguises);
const fineNames = ['Ada Lovelace', 'Scunthorpe', 'Class clown', 'Bass player', 'Assassin', 'Titan', 'Analysis', 'Cocktail', 'Dickens', 'Shitake', 'Grape', 'Sussex', 'Hancock'];

describe('the profanity filter', () => {
  it('agrees with obscenity on every dataset word, disguised, and on clean and tricky names', () => {
    expect(words.length).toBeGreaterThan(50);
    const corpus = [...disguisedWords, ...fineNames, ...Array.from({ length: 500 }, (_, i) => generatedNickname(i % 8))];
    let refused = 0;
    for (const name of corpus) {
      const expected = obscenity.hasMatch(name);
      expect(filter.hasMatch(name), name).toBe(expected);
      if (expected) refused++;
    }
    expect(refused).toBeGreaterThan(words.length);
  });

  it('clears ordinary names in its quick pass without the full check', () => {
    for (const name of ['Ada Lovelace', 'Player 1234', 'Sunny Otter 77', 'Zoë', '李小龙']) expect(filter.mayMatch(name), name).toBe(false);
    for (let i = 0; i < 200; i++) expect(filter.mayMatch(generatedNickname(3))).toBe(false);
  });

  it('sends every name obscenity refuses to the full check', () => {
    for (const name of disguisedWords) if (obscenity.hasMatch(name)) expect(filter.mayMatch(name), name).toBe(true);
  });
});
