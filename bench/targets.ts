import { ratio } from './stats.js';
import type { TargetFigures } from './figures.js';
import type { Target } from './messages.js';

export interface TargetCheck {
  store: Target;
  goal: string;
  value: string;
  met: boolean | null;
}

const ms = (v: number | null) => (v === null ? '–' : `${v} ms`);

/** The goals in docs/benchmarks.md, checked for each store run against the baseline and the memory run. */
export function checkTargets(runs: readonly TargetFigures[]): TargetCheck[] {
  const baseline = runs.find((r) => r.target === 'baseline');
  const memory = runs.find((r) => r.target === 'memory');
  const checks: TargetCheck[] = [];
  for (const run of runs.filter((r) => r.target !== 'baseline')) {
    const add = (goal: string, value: string, met: boolean | null) => checks.push({ store: run.target, goal, value, met });
    const ackP99 = run.answerAckMs.p99;
    add('answer-ack p99 < 100 ms', ms(ackP99), ackP99 === null ? null : ackP99 < 100);
    const fanout = ratio(run.fanoutMs.p99, baseline?.fanoutMs.p99 ?? null);
    add('fan-out p99 ≤ 1.5× baseline', fanout === null ? '–' : `${fanout}×`, fanout === null ? null : fanout <= 1.5);
    const late = run.revealToResultMs.max;
    add('every result ≤ 500 ms after the reveal', `max ${ms(late)}`, late === null ? null : late <= 500);
    add('RSS per connected player < 30 KB', `${run.server.rssPerPlayerKB} KB`, run.server.rssPerPlayerKB < 30);
    if (run.target === 'redis' && memory) {
      const pairs = latencyRows.map(([label, get]) => [label, ratio(get(run), get(memory))] as const);
      const worst = pairs.reduce((w, p) => ((p[1] ?? 0) > (w[1] ?? 0) ? p : w));
      add('Redis ≤ 1.5× memory on every latency (p99)', `worst ${worst[0]} ${worst[1] ?? '–'}×`, pairs.every(([, r]) => r === null || r <= 1.5));
    }
  }
  return checks;
}

export interface RoundRatios {
  round: number;
  /** Redis ÷ memory, p99, per latency. */
  ratios: Record<string, number | null>;
  met: boolean;
}

/** The Redis-to-memory check for each round of `--repeat` on its own: how much of a miss is the machine's noise. */
export function ratiosByRound(all: readonly TargetFigures[]): RoundRatios[] {
  const rounds = [...new Set(all.map((f) => f.round ?? 1))].sort((a, b) => a - b);
  return rounds.flatMap((round) => {
    const memory = all.find((f) => f.target === 'memory' && (f.round ?? 1) === round);
    const redis = all.find((f) => f.target === 'redis' && (f.round ?? 1) === round);
    if (!memory || !redis) return [];
    const ratios = Object.fromEntries(latencyRows.map(([label, get]) => [label, ratio(get(redis), get(memory))]));
    return [{ round, ratios, met: Object.values(ratios).every((r) => r === null || r <= 1.5) }];
  });
}

type Row = readonly [string, (f: TargetFigures) => number | null];

/** The p99 latencies compared between runs. */
const latencyRows: Row[] = [
  ['join', (f) => f.join.ms.p99],
  ['fan-out', (f) => f.fanoutMs.p99],
  ['answer-ack', (f) => f.answerAckMs.p99],
  ['reveal→result', (f) => f.revealToResultMs.p99],
];
