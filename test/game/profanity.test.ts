import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { describe, expect, it } from 'vitest';
import { generatedNickname } from '../../server/game/nickname.js';
import { ALLOWED_NAMES, EXTRA_TERMS } from '../../server/game/name-lists.js';
import { ProfanityFilter, nicknameDataset } from '../../server/game/profanity.js';

const filter = new ProfanityFilter();
const obscenity = new RegExpMatcher({ ...nicknameDataset().build(), ...englishRecommendedTransformers });
const plainObscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

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
const words = [...datasetWords(), ...EXTRA_TERMS.map((term) => term.replaceAll('|', ''))];
const disguisedWords = words.flatMap(disguises);
const fineNames = ['Ada Lovelace', 'Scunthorpe', 'Class clown', 'Bass player', 'Assassin', 'Titan', 'Analysis', 'Cocktail', 'Dickens', 'Shitake', 'Grape', 'Sussex', 'Hancock'];

describe('the profanity filter', () => {
  it('agrees with obscenity on every dataset word and added term, disguised, and on clean and tricky names', () => {
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

  it('refuses the hate terms and spellings it adds to obscenity\'s, disguised', () => {
    const added = ['Hitler', 'Adolf Hitler', 'H1tler', 'Нitler', 'Nazi', 'N4zi', 'Neo-Nazi', 'Sieg Heil', 'heil', 'Swastika', 'White Power', 'phuck', 'Phuk', 'wetback', 'raghead', 'spic', 'gook', 'coon', 'paki', 'jap'];
    for (const name of added) {
      expect(plainObscenity.hasMatch(name), `obscenity alone already refuses ${name}`).toBe(false);
      expect(filter.refuses(name), name).toBe(true);
    }
    for (const name of ['KKK', 'k k k', 'Player 1488', '14-88']) expect(filter.refuses(name), name).toBe(true);
    for (const term of EXTRA_TERMS) expect(filter.refuses(term.replaceAll('|', '')), term).toBe(true);
  });

  it('leaves ordinary words that hold a bounded added term', () => {
    for (const name of ['Raccoon', 'Coonan', 'Spicer', 'Pakistan', 'Japan', 'Heilbronn', 'Nazareth', 'Player 148', 'Skater 88']) {
      expect(filter.refuses(name), name).toBe(false);
    }
  });

  it('lets every allowed real name and place through, alone or in a longer name', () => {
    for (const name of ALLOWED_NAMES) {
      expect(filter.refuses(name), name).toBe(false);
      expect(filter.refuses(name.toUpperCase()), name).toBe(false);
    }
    for (const name of ['Dick Smith', 'Moby Dick', 'Emily Dickinson', 'Analise B.', 'Penistone FC', 'Cum Laude 2026', 'Magna Cum Laude']) {
      expect(filter.refuses(name), name).toBe(false);
    }
    // Each of these is refused by obscenity alone, so the allow-list is what lets it through.
    for (const name of ['Dick', 'Analise', 'Penistone', 'Cum Laude']) expect(plainObscenity.hasMatch(name), name).toBe(true);
  });

  it('still refuses a filtered word that only starts like an allowed name, or is disguised as one', () => {
    for (const name of ['Dickhead', 'Dicks', 'D1ck', 'Dіck', 'Penis', 'Anal', 'Cum', 'Cumshot', 'f u c k Dick']) {
      expect(filter.refuses(name), name).toBe(true);
    }
  });
});
