import { describe, expect, it } from 'vitest';
import type { TargetFigures } from '../../bench/figures.js';
import { checkTargets } from '../../bench/targets.js';

/** A memory run of `players` with `rssKB` per player; the latencies are well inside their targets. */
function run(players: number, rssKB: number): TargetFigures {
  const ms = { p99: 5, max: 10 };
  return { target: 'memory', players, join: { ms }, fanoutMs: ms, answerAckMs: ms, revealToResultMs: ms, server: { rssPerPlayerKB: rssKB } } as unknown as TargetFigures;
}

const rssCheck = (figures: TargetFigures) => checkTargets([figures]).find((c) => c.goal.startsWith('RSS'));

describe('the RSS-per-player target', () => {
  it('is checked once a run has enough players for a per-player figure', () => {
    expect(rssCheck(run(2000, 24))).toMatchObject({ met: true, value: '24 KB' });
    expect(rssCheck(run(2000, 31))).toMatchObject({ met: false, value: '31 KB' });
  });

  it('is neither met nor missed for a class-sized run, and says why', () => {
    expect(rssCheck(run(30, 120))).toMatchObject({ met: null, value: '120 KB, too few players to tell' });
  });
});
