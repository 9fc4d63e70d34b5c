import type { Answer } from '../shared/client-events.js';
import type { QuestionOpen } from '../shared/server-events.js';

const FAST_MS = 500;
const SLOW_MS = 4000;
/** Median 1.5 s with a long right tail, like a class: most answer in 1–2.5 s, a few near the end. */
const MEDIAN_MS = 1500;
const SIGMA = 0.5;
const BURST_MS = 200;

function standardNormal(): number {
  // Box–Muller; 1 - random() keeps the logarithm's argument above 0.
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

/** How long after a question reaches a player they answer it. */
export function answerDelayMs(burst: boolean): number {
  if (burst) return Math.random() * BURST_MS;
  return Math.min(SLOW_MS, Math.max(FAST_MS, MEDIAN_MS * Math.exp(SIGMA * standardNormal())));
}

/** A random answer of the right shape: the bench, like any client, never knows the correct one. */
export function randomAnswer(question: Pick<QuestionOpen, 'type' | 'options'>): Answer {
  const n = question.options.length;
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return Math.floor(Math.random() * n);
    case 'multi': {
      const want = 1 + Math.floor(Math.random() * n);
      const pool = [...Array(n).keys()];
      // A partial Fisher–Yates: the first `want` slots end up a uniform random choice.
      for (let i = 0; i < want; i++) {
        const j = i + Math.floor(Math.random() * (n - i));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, want).sort((a, b) => a - b);
    }
    case 'typed':
      return ['list', 'dict', 'a tuple', 'None', 'pandas'][Math.floor(Math.random() * 5)]!;
  }
}
