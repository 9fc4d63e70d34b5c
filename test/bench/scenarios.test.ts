import { describe, expect, it } from 'vitest';
import { parseCli, variant } from '../../bench/scenarios.js';

describe('bench scenarios', () => {
  it('plays a class of 30 joining over a few seconds, with the standard file name', () => {
    const { scenario, targets } = parseCli(['--scenario', 'one-class']);
    expect(scenario).toMatchObject({ rooms: 1, playersPerRoom: 30, questions: 10, joinSpreadMs: 5000, connectAtJoin: true, burst: false });
    expect(targets).toEqual(['baseline', 'memory', 'redis']);
    expect(variant(scenario, targets)).toBe('');
  });

  it('refuses a scenario it does not know, naming the ones it does', () => {
    expect(() => parseCli(['--scenario', 'two-classes'])).toThrow(/one-room\|many-rooms\|join-storm\|one-class/);
  });
});
