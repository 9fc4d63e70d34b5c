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

  it('waits the longer gap a task returns before its next run', async () => {
    const { throttle, runs } = recording(250, 1000);
    const start = Date.now();
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(0);
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(999);
    expect(runs.map((t) => t - start)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs.map((t) => t - start)).toEqual([0, 1000]);
  });

  it('never waits less than its interval, whatever the task returns', async () => {
    const { throttle, runs } = recording(250, 10);
    const start = Date.now();
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(0);
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((t) => t - start)).toEqual([0, 250]);
  });
});
