import type { TargetFigures } from './figures.js';

type Correctness = TargetFigures['correctness'];

/**
 * Several runs of one target as one: each figure the median of the runs' figures, so one run caught by a slow
 * moment of a shared machine neither makes nor breaks a result; correctness the worst of the runs, so no failure
 * is hidden; the interference figures those of the most disturbed run.
 */
export function medianRun(runs: readonly TargetFigures[]): TargetFigures {
  if (runs.length === 1) return runs[0]!;
  const { round: _round, ...merged } = medianOf(runs) as TargetFigures;
  const disturbed = runs.reduce((a, b) => (b.otherCpu.share > a.otherCpu.share ? b : a));
  return { ...merged, runs: runs.length, correctness: worst(runs.map((r) => r.correctness)), otherCpu: disturbed.otherCpu };
}

/** Numbers by their median (the lower middle of an even count; nulls left out), objects and same-length arrays leaf by leaf, the rest from the first. */
function medianOf(values: readonly unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number' || first === null) {
    const numbers = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    return numbers.length === 0 ? null : numbers[Math.floor((numbers.length - 1) / 2)];
  }
  if (Array.isArray(first)) {
    const arrays = values as unknown[][];
    return arrays.every((a) => a.length === first.length) ? first.map((_, i) => medianOf(arrays.map((a) => a[i]))) : first;
  }
  if (typeof first === 'object') {
    const objects = values as Record<string, unknown>[];
    return Object.fromEntries(Object.keys(first).map((key) => [key, medianOf(objects.map((o) => o[key]))]));
  }
  return first;
}

function worst(all: readonly Correctness[]): Correctness {
  const least = (get: (c: Correctness) => number) => Math.min(...all.map(get));
  const most = (get: (c: Correctness) => number) => Math.max(...all.map(get));
  const errors: Record<string, number> = {};
  for (const c of all) for (const [k, n] of Object.entries(c.errors)) errors[k] = Math.max(errors[k] ?? 0, n);
  return {
    expectedPlayers: all[0]!.expectedPlayers,
    joined: least((c) => c.joined),
    expectedAnswers: all[0]!.expectedAnswers,
    answersOk: least((c) => c.answersOk),
    expectedResults: all[0]!.expectedResults,
    results: least((c) => c.results),
    opens: least((c) => c.opens),
    gameOvers: least((c) => c.gameOvers),
    disconnects: most((c) => c.disconnects),
    incompleteQuestions: most((c) => c.incompleteQuestions),
    roomErrors: [...new Set(all.flatMap((c) => c.roomErrors))],
    errors,
  };
}
