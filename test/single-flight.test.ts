import { describe, expect, it } from 'vitest';
import { SingleFlight } from '../server/single-flight.js';

describe('SingleFlight', () => {
  it('shares one running call per key, starts afresh once it settles or is forgotten', async () => {
    const flight = new SingleFlight<string, number>();
    let calls = 0;
    const start = () => Promise.resolve(++calls);
    const [a, b] = await Promise.all([flight.run('k', start), flight.run('k', start)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await flight.run('k', start)).toBe(2);
    const running = flight.run('k', start);
    flight.forget('k');
    expect(await Promise.all([running, flight.run('k', start)])).toEqual([3, 4]);
  });

  it('lets the next caller retry after a failure', async () => {
    const flight = new SingleFlight<string, number>();
    await expect(flight.run('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await flight.run('k', () => Promise.resolve(7))).toBe(7);
  });
});
