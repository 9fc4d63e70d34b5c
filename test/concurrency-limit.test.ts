import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../server/concurrency-limit.js';

describe('concurrencyLimit', () => {
  it('lets `size` callers in at once and the rest in arrival order as places free up', async () => {
    const limit = concurrencyLimit(2);
    const entered: number[] = [];
    const entries = [1, 2, 3, 4].map((n) => limit.enter().then(() => entered.push(n)));
    await Promise.all(entries.slice(0, 2));
    await Promise.resolve();
    expect(entered).toEqual([1, 2]);
    limit.leave();
    await entries[2];
    expect(entered).toEqual([1, 2, 3]);
    limit.leave();
    await entries[3];
    expect(entered).toEqual([1, 2, 3, 4]);
  });
});
