import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../server/room/throttle.js';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A throttle whose task records when it ran and returns the given gap. */
  function recording(intervalMs: number, gap?: number) {
    const runs: number[] = [];
    const throttle = new Throttle(intervalMs, async () => {
      runs.push(Date.now());
      return gap;
    });
    return { throttle, runs };
  }

  it('runs at once when quiet, then once more at the end of the interval however often it is asked', async () => {
    const { throttle, runs } = recording(250);
    const start = Date.now();
    for (let i = 0; i < 10; i++) throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((t) => t - start)).toEqual([0, 250]);
  });

  /** Runs the task once, asks again at once, and returns how long after the first run the second came. */
  async function secondRunAfter(intervalMs: number, gap: number): Promise<number> {
    const { throttle, runs } = recording(intervalMs, gap);
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(0);
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(2);
    return runs[1]! - runs[0]!;
  }

  it('waits the longer gap a task returns before its next run', async () => {
    expect(await secondRunAfter(250, 1000)).toBe(1000);
  });

  it('never waits less than its interval, whatever the task returns', async () => {
    expect(await secondRunAfter(250, 10)).toBe(250);
  });
});
