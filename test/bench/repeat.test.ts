import { describe, expect, it } from 'vitest';
import type { TargetFigures } from '../../bench/figures.js';
import { medianRun } from '../../bench/median-run.js';
import { ratiosByRound } from '../../bench/targets.js';
import type { Target } from '../../bench/messages.js';

/** A run with the given p99s (join, fan-out, answer-ack, reveal→result); the other figures play no part here. */
function run(target: Target, round: number, [join, fanout, ack, reveal]: number[]): TargetFigures {
  const p99 = (v: number | undefined) => ({ p99: v ?? null });
  return { target, round, join: { ms: p99(join) }, fanoutMs: p99(fanout), answerAckMs: p99(ack), revealToResultMs: p99(reveal) } as unknown as TargetFigures;
}

describe('the Redis-to-memory check per round', () => {
  it("pairs each round's Redis run with that round's memory run, whatever order they come in", () => {
    const rounds = ratiosByRound([
      run('redis', 2, [90, 10, 10, 10]),
      run('baseline', 1, [1, 1, 1, 1]),
      run('memory', 1, [20, 10, 10, 10]),
      run('memory', 2, [30, 10, 8, 10]),
      run('redis', 1, [25, 12, 10, 10]),
    ]);
    expect(rounds).toEqual([
      { round: 1, ratios: { join: 1.25, 'fan-out': 1.2, 'answer-ack': 1, 'reveal→result': 1 }, met: true },
      { round: 2, ratios: { join: 3, 'fan-out': 1, 'answer-ack': 1.25, 'reveal→result': 1 }, met: false },
    ]);
  });

  it("puts the floor's own Redis-to-bare ratio beside a round that ran both floors", () => {
    const [round] = ratiosByRound([
      run('baseline', 1, [10, 10, 4, 10]),
      run('baseline-redis', 1, [20, 10, 6, 10]),
      run('memory', 1, [20, 10, 10, 10]),
      run('redis', 1, [25, 12, 10, 10]),
    ]);
    expect(round!.floor).toEqual({ join: 2, 'fan-out': 1, 'answer-ack': 1.5, 'reveal→result': 1 });
  });

  it('leaves out a round without both stores', () => {
    expect(ratiosByRound([run('memory', 1, [1, 1, 1, 1]), run('redis', 2, [1, 1, 1, 1])])).toEqual([]);
  });
});

describe('a target run several times, as one', () => {
  const correctness = (joined: number, disconnects: number, errors: Record<string, number>) => ({
    expectedPlayers: 10, joined, expectedAnswers: 20, answersOk: 20, expectedResults: 20, results: 20, opens: 20, gameOvers: 10,
    disconnects, incompleteQuestions: 0, roomErrors: [], errors,
  });
  const attempt = (round: number, ackP99: number, rssKB: number, share: number, joined: number, disconnects: number, errors: Record<string, number>) =>
    ({
      target: 'redis',
      round,
      answerAckMs: { n: 20, p50: 1, p95: 2, p99: ackP99, max: ackP99 },
      server: { rssPerPlayerKB: rssKB },
      loaders: [{ pid: round, cpuSec: rssKB }],
      correctness: correctness(joined, disconnects, errors),
      otherCpu: { sec: share * 10, share, top: [{ name: `other-${round}`, sec: share * 10 }] },
    }) as unknown as TargetFigures;

  it('takes each figure as the median of its runs, correctness from the worst run, interference from the most disturbed', () => {
    const merged = medianRun([
      attempt(1, 90, 20, 0.01, 10, 0, {}),
      attempt(2, 10, 25, 0.3, 9, 0, { 'player:answer:too_late': 1 }),
      attempt(3, 12, 22, 0, 10, 2, {}),
    ]);
    expect(merged.answerAckMs).toEqual({ n: 20, p50: 1, p95: 2, p99: 12, max: 12 });
    expect(merged.server.rssPerPlayerKB).toBe(22);
    expect(merged.loaders).toEqual([{ pid: 2, cpuSec: 22 }]);
    expect(merged.correctness).toMatchObject({ joined: 9, disconnects: 2, errors: { 'player:answer:too_late': 1 } });
    expect(merged.otherCpu.top).toEqual([{ name: 'other-2', sec: 3 }]);
    expect(merged).toMatchObject({ runs: 3 });
    expect(merged.round).toBeUndefined();
  });

  it('leaves a single run as it is', () => {
    const only = attempt(1, 5, 20, 0, 10, 0, {});
    expect(medianRun([only])).toBe(only);
  });
});
