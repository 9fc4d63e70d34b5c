import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from '../server/room/throttle.js';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once when quiet, then once more at the end of the interval however often it is asked', async () => {
    const runs: number[] = [];
    const throttle = new Throttle(250, async () => {
      runs.push(Date.now());
    });
    const start = Date.now();
    for (let i = 0; i < 10; i++) throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((t) => t - start)).toEqual([0, 250]);
  });

  it('never runs a key twice at the same time, and runs again once the slow run is done', async () => {
    let running = 0;
    let most = 0;
    const runs: number[] = [];
    const throttle = new Throttle(250, async () => {
      running++;
      most = Math.max(most, running);
      runs.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 600));
      running--;
    });
    const start = Date.now();
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(100);
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(2000);
    expect(most).toBe(1);
    expect(runs).toHaveLength(2);
    expect(runs[1]! - start).toBeGreaterThanOrEqual(600);
  });

  it('runs nothing once stopped, however often it is asked', async () => {
    let runs = 0;
    const throttle = new Throttle(250, async () => {
      runs++;
    });
    throttle.stop();
    throttle.schedule('room');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(0);
  });
});
