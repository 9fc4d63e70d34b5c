import { describe, expect, it } from 'vitest';
import { createCatalog, IMPORTED_MAX, QUICK_MIX_ID } from '../../server/quiz/catalog.js';
import type { Quiz } from '../../shared/quiz.js';

/** A small deterministic generator (mulberry32) so quick-mix draws are reproducible. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ids = (quiz: Quiz | undefined) => quiz?.questions.map((q) => q.id) ?? [];

describe('quiz catalog', () => {
  const catalog = createCatalog();
  const whole = catalog.get('module-16')!;

  it('lists the whole module, each section, recap, self-check and quick mix', () => {
    const listed = catalog.list().map((q) => q.id);
    expect(listed).toEqual([
      'module-16',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `module-16-s${n}`),
      'module-16-recap',
      'module-16-self-check',
      QUICK_MIX_ID,
    ]);
    const summary = catalog.list()[0]!;
    expect(summary.questionCount).toBe(whole.questions.length);
    expect(summary.section).toBeNull();
    expect(summary).not.toHaveProperty('questions');
  });

  it('serves each section quiz with only that section, in bank order', () => {
    for (const summary of catalog.list().filter((q) => q.section)) {
      const quiz = catalog.get(summary.id)!;
      expect(quiz.questions.every((q) => q.section.number === summary.section!.number)).toBe(true);
      expect(ids(quiz)).toEqual(whole.questions.filter((q) => q.section.number === summary.section!.number).map((q) => q.id));
      expect(summary.questionCount).toBe(quiz.questions.length);
    }
    expect(catalog.get('module-16-recap')!.questions[0]!.section.title).toBe('Recap');
    expect(catalog.get('module-16-self-check')!.questions[0]!.section.number).toBe(9);
  });

  it('draws quick mix as 10 distinct questions spread over sections', () => {
    const mix = createCatalog({ random: seeded(1) }).get(QUICK_MIX_ID)!;
    expect(mix.questions).toHaveLength(10);
    expect(new Set(ids(mix)).size).toBe(10);
    const perSection = new Map<number, number>();
    for (const q of mix.questions) perSection.set(q.section.number, (perSection.get(q.section.number) ?? 0) + 1);
    expect(perSection.size).toBeGreaterThanOrEqual(9);
    expect(Math.max(...perSection.values())).toBeLessThanOrEqual(2);
  });

  it('gives a fresh quick mix per call, reproducible for one seed and different across seeds', () => {
    const first = createCatalog({ random: seeded(1) });
    expect(ids(first.get(QUICK_MIX_ID))).not.toEqual(ids(first.get(QUICK_MIX_ID)));
    expect(ids(createCatalog({ random: seeded(1) }).get(QUICK_MIX_ID))).toEqual(ids(createCatalog({ random: seeded(1) }).get(QUICK_MIX_ID)));
    expect(ids(createCatalog({ random: seeded(1) }).get(QUICK_MIX_ID))).not.toEqual(ids(createCatalog({ random: seeded(2) }).get(QUICK_MIX_ID)));
  });

  it('keeps an import under a new id when its id is taken, never replacing an import or a built-in', () => {
    const local = createCatalog();
    const question = whole.questions[0]!;
    expect(local.add({ id: 'mine', title: 'Mine', description: '', questions: [question] })).toBe('mine');
    expect(local.add({ id: 'mine', title: 'Mine, again', description: '', questions: [question, whole.questions[1]!] })).toBe('mine-2');
    expect(local.list().filter((q) => q.id.startsWith('mine')).map((q) => [q.id, q.title])).toEqual([
      ['mine', 'Mine'],
      ['mine-2', 'Mine, again'],
    ]);
    expect(local.add({ id: 'module-16-s3', title: 'Hijack', description: '', questions: [question] })).toBe('module-16-s3-2');
    expect(local.get('module-16-s3')!.title).not.toBe('Hijack');
  });

  it('keeps at most IMPORTED_MAX imports', () => {
    const local = createCatalog();
    const quiz = { id: 'mine', title: 'Mine', description: '', questions: [whole.questions[0]!] };
    for (let i = 0; i < IMPORTED_MAX; i++) expect(local.add(quiz)).not.toBeNull();
    expect(local.add(quiz)).toBeNull();
  });

  it('builds from an injected bank', () => {
    const small = createCatalog({ bank: whole.questions.filter((q) => q.section.number === 5) });
    expect(small.list().map((q) => q.id)).toEqual(['module-16', 'module-16-s5', QUICK_MIX_ID]);
    expect(small.get(QUICK_MIX_ID)!.questions).toHaveLength(10);
  });
});
