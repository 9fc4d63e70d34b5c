import { describe, expect, it } from 'vitest';
import { LIMITS, QUESTION_TYPES } from '../../shared/quiz.js';
import { loadBank, parseBank } from '../../server/quiz/bank.js';

const bank = loadBank();
const count = <T>(items: T[], key: (item: T) => string | number) =>
  items.reduce((acc, item) => acc.set(key(item), (acc.get(key(item)) ?? 0) + 1), new Map<string | number, number>());

describe('module 16 question bank', () => {
  it('has at least 84 questions with unique ids and texts', () => {
    expect(bank.length).toBeGreaterThanOrEqual(84);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    expect(new Set(bank.map((q) => q.text.toLowerCase())).size).toBe(bank.length);
  });

  it('keeps every question within the display limits', () => {
    for (const q of bank) {
      expect(q.text.length, q.id).toBeLessThanOrEqual(LIMITS.textMax);
      expect(q.options.every((o) => o.length <= LIMITS.optionMax), q.id).toBe(true);
      expect(q.timeLimitSec, q.id).toBeGreaterThanOrEqual(LIMITS.timeLimitMinSec);
      expect(q.timeLimitSec, q.id).toBeLessThanOrEqual(LIMITS.timeLimitMaxSec);
      expect(q.id, q.id).toMatch(new RegExp(`^m16-s${q.section.number}-\\d{2}$`));
    }
  });

  it('marks answers consistently with each type', () => {
    for (const q of bank) {
      expect(q.correct.every((i) => i < q.options.length), q.id).toBe(true);
      if (q.type === 'single' || q.type === 'truefalse') expect(q.correct, q.id).toHaveLength(1);
      if (q.type === 'truefalse') expect(q.options, q.id).toEqual(['True', 'False']);
      if (q.type === 'multi') expect(q.correct.length, q.id).toBeGreaterThanOrEqual(1);
      if (q.type === 'typed') expect(q.accepted.length, q.id).toBeGreaterThanOrEqual(1);
      else expect(q.options.length, q.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers every section with consistent titles', () => {
    const perSection = count(bank, (q) => q.section.number);
    for (let n = 1; n <= 7; n++) expect(perSection.get(n), `section ${n}`).toBeGreaterThanOrEqual(9);
    expect(perSection.get(8)).toBeGreaterThanOrEqual(5);
    expect(perSection.get(9)).toBeGreaterThanOrEqual(5);
    const titles = count(bank, (q) => `${q.section.number} ${q.section.title}`);
    expect(titles.size).toBe(9);
  });

  it('uses all four types, single the most, and spreads the correct single option', () => {
    const types = count(bank, (q) => q.type);
    for (const type of QUESTION_TYPES) expect(types.get(type), type).toBeGreaterThan(0);
    const single = types.get('single')!;
    for (const type of QUESTION_TYPES.filter((t) => t !== 'single')) expect(single).toBeGreaterThan(types.get(type)!);
    const positions = count(bank.filter((q) => q.type === 'single'), (q) => q.correct[0]!);
    expect(positions.size).toBe(4);
  });
});

describe('parseBank', () => {
  const copy = () => structuredClone(bank) as unknown[];

  it('names the question and the field of a broken question', () => {
    const broken = copy() as { id: string; options: string[] }[];
    const third = broken[3]!;
    third.options[1] = 'x'.repeat(LIMITS.optionMax + 1);
    expect(() => parseBank(broken)).toThrow(`question bank: question 3 (${third.id}) field options.1:`);
  });

  it('refuses repeated ids and repeated texts', () => {
    const ids = copy() as { id: string }[];
    ids[5]!.id = ids[4]!.id;
    expect(() => parseBank(ids)).toThrow(/question 5 \(.*\) field id: repeats question 4/);
    const texts = copy() as { text: string }[];
    texts[7]!.text = texts[2]!.text.toUpperCase();
    expect(() => parseBank(texts)).toThrow(/question 7 \(.*\) field text: repeats question 2/);
  });

  it('refuses something that is not a list', () => {
    expect(() => parseBank({})).toThrow('question bank: expected an array');
  });
});
