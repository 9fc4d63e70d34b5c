import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/orchestrator.js';
import { RedisProbe } from '../../bench/redis-stats.js';
import type { TargetFigures } from '../../bench/figures.js';
import { formatTable } from '../../bench/table.js';
import { checkTargets } from '../../bench/targets.js';
import type { Scenario } from '../../bench/scenarios.js';
import { redisUrl, testPrefix } from '../support/redis.js';

/** The smallest run that crosses every path of `npm run bench`, with answers in a burst to keep it short. */
const SMOKE: Scenario = {
  name: 'one-room',
  rooms: 1,
  playersPerRoom: 50,
  questions: 2,
  joinSpreadMs: 0,
  connectAtJoin: false,
  burst: true,
  timeLimitSec: 20,
};

const isFigure = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

// Correctness only: timings on a shared 2-core machine are not something a test can assert.
describe('npm run bench, smoke-sized', () => {
  it('plays both floors and quizroom on both stores to the end, every player served, every figure a number', async () => {
    const prefix = testPrefix('bench');
    const targets = ['baseline', 'baseline-redis', 'memory', 'redis'] as const;
    const { runs }: { runs: TargetFigures[] } = await runBench(SMOKE, [...targets], { redisUrl: redisUrl(), redisPrefix: prefix });

    expect(runs.map((r) => r.target)).toEqual(targets);
    for (const run of runs) {
      const c = run.correctness;
      expect(c.roomErrors, run.target).toEqual([]);
      expect(c.errors, run.target).toEqual({});
      expect(c.joined, run.target).toBe(50);
      expect(c.opens, run.target).toBe(100);
      expect(c.answersOk, run.target).toBe(c.expectedAnswers);
      expect(c.results, run.target).toBe(c.expectedResults);
      expect(c.incompleteQuestions, run.target).toBe(0);
      expect(c.gameOvers, run.target).toBe(50);
      expect(c.disconnects, run.target).toBe(0);

      const figures = [
        run.join.throughputPerSec, run.join.ms.p50, run.join.ms.p99, run.fanoutMs.p50, run.fanoutMs.p99,
        run.answerAckMs.p50, run.answerAckMs.p95, run.answerAckMs.p99, run.revealToResultMs.p99, run.revealToResultMs.max,
        run.lastAnswerToResultsMs.max, run.server.cpuGameSec, run.server.cpuPer1000AnswersSec, run.server.rssPerPlayerKB,
        ...run.loaders.map((l) => l.cpuSec),
      ];
      expect(figures.every(isFigure), `${run.target}: ${JSON.stringify(figures)}`).toBe(true);
      expect(run.loaders).toHaveLength(1);
    }
    const redis = runs[3]!.redis!;
    expect(isFigure(redis.commandsPerAnswer) && isFigure(redis.commandsPerJoin)).toBe(true);
    expect(redis.keysCreated).toBeGreaterThan(0);
    // The Redis floor writes each join and each answer, one command each (a probe's own calls aside).
    const floor = runs[1]!.redis!;
    expect(floor.perAnswerByCommand.hset).toBe(1);
    expect(floor.keysCreated).toBe(1 + SMOKE.questions);

    const probe = await RedisProbe.connect(redisUrl());
    try {
      expect(await probe.countKeys(prefix)).toBe(0);
    } finally {
      probe.close();
    }
    const checks = checkTargets(runs);
    expect(checks.find((c) => c.goal.startsWith('Redis'))?.value).toMatch(/floor's own with one Redis write: [\d.]+×/);
    // 50 players are too few for a per-player memory figure: the check says so rather than pass or fail.
    expect(checks.filter((c) => c.goal.startsWith('RSS')).map((c) => c.met)).toEqual([null, null]);
    expect(formatTable(runs)).toContain('answer-ack');
  }, 60_000);
});
