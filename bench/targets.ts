import { ratio } from './stats.js';
import type { TargetFigures } from './figures.js';
import { isFloor, type Target } from './messages.js';

export interface TargetCheck {
  store: Target;
  goal: string;
  value: string;
  met: boolean | null;
}

const ms = (v: number | null) => (v === null ? '–' : `${v} ms`);

/** Below this many players the RSS growth is mostly the first use of the code (compiled functions, caches). */
const RSS_MIN_PLAYERS = 1000;

/** The goals in docs/benchmarks.md, checked for each store run against the baseline and the memory run. */
export function checkTargets(runs: readonly TargetFigures[]): TargetCheck[] {
  const baseline = runs.find((r) => r.target === 'baseline');
  const memory = runs.find((r) => r.target === 'memory');
  const redisFloor = runs.find((r) => r.target === 'baseline-redis');
  const checks: TargetCheck[] = [];
  for (const run of runs.filter((r) => !isFloor(r.target))) {
    const add = (goal: string, value: string, met: boolean | null) => checks.push({ store: run.target, goal, value, met });
    const ackP99 = run.answerAckMs.p99;
    add('answer-ack p99 < 100 ms', ms(ackP99), ackP99 === null ? null : ackP99 < 100);
    const fanout = ratio(run.fanoutMs.p99, baseline?.fanoutMs.p99 ?? null);
    add('fan-out p99 ≤ 1.5× baseline', fanout === null ? '–' : `${fanout}×`, fanout === null ? null : fanout <= 1.5);
    const late = run.revealToResultMs.max;
    add('every result ≤ 500 ms after the reveal', `max ${ms(late)}`, late === null ? null : late <= 500);
    const rss = run.server.rssPerPlayerKB;
    const perPlayer = run.players >= RSS_MIN_PLAYERS;
    add('RSS per connected player < 30 KB', perPlayer ? `${rss} KB` : `${rss} KB, too few players to tell`, perPlayer ? rss < 30 : null);
    if (run.target === 'redis' && memory) {
      const { ratios, met } = p99Ratios(run, memory);
      const worst = Object.entries(ratios).reduce((w, p) => ((p[1] ?? 0) > (w[1] ?? 0) ? p : w));
      const floor = baseline && redisFloor ? ` (the bare floor's own with one Redis write: ${p99Ratios(redisFloor, baseline).ratios[worst[0]] ?? '–'}×)` : '';
      add('Redis ≤ 1.5× memory on every latency (p99)', `worst ${worst[0]} ${worst[1] ?? '–'}×${floor}`, met);
    }
  }
  return checks;
}

/** Redis ÷ memory (or the Redis floor ÷ the floor), p99, per latency, and whether each is within 1.5×. */
function p99Ratios(run: TargetFigures, reference: TargetFigures): { ratios: Record<string, number | null>; met: boolean } {
  const ratios = Object.fromEntries(latencyRows.map(([label, get]) => [label, ratio(get(run), get(reference))]));
  return { ratios, met: Object.values(ratios).every((r) => r === null || r <= 1.5) };
}

export interface RoundRatios extends ReturnType<typeof p99Ratios> {
  round: number;
  /** The same round's floor with one Redis write ÷ the bare floor, when the run had both. */
  floor?: Record<string, number | null>;
}

/** The Redis-to-memory check for each round of `--repeat` on its own: how much of a miss is the machine's noise. */
export function ratiosByRound(all: readonly TargetFigures[]): RoundRatios[] {
  const rounds = [...new Set(all.map((f) => f.round ?? 1))].sort((a, b) => a - b);
  return rounds.flatMap((round) => {
    const find = (target: Target) => all.find((f) => f.target === target && (f.round ?? 1) === round);
    const [memory, redis, baseline, redisFloor] = [find('memory'), find('redis'), find('baseline'), find('baseline-redis')];
    if (!memory || !redis) return [];
    const floor = baseline && redisFloor ? { floor: p99Ratios(redisFloor, baseline).ratios } : {};
    return [{ round, ...p99Ratios(redis, memory), ...floor }];
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
