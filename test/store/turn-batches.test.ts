import { describe, expect, it } from 'vitest';
import { TurnBatches } from '../../server/store/turn-batches.js';

/** A turn's end run by hand, and a store that notes each call and answers every input with its position. */
function harness(fail = false) {
  let pending: (() => void)[] = [];
  const calls: { pin: string; inputs: string[] }[] = [];
  const batches = new TurnBatches<{ pin: string }, string, string>(
    (send) => pending.push(send),
    async ({ pin }, inputs) => {
      calls.push({ pin, inputs: [...inputs] });
      if (fail) throw new Error('Redis is away');
      return inputs.map((input, i) => `${input}#${i + 1}`);
    },
  );
  const endTurn = () => {
    const sends = pending;
    pending = [];
    for (const send of sends) send();
  };
  const add = (pin: string, input: string) => batches.add(pin, { pin }, input);
  return { add, calls, endTurn };
}

describe('TurnBatches', () => {
  it("stores a turn's inputs under one key in one call, in the order they came, and each caller gets its own outcome", async () => {
    const { add, calls, endTurn } = harness();
    const outcomes = [add('1111', 'a'), add('2222', 'x'), add('1111', 'b')];
    expect(calls).toEqual([]);
    endTurn();
    expect(calls).toEqual([
      { pin: '1111', inputs: ['a', 'b'] },
      { pin: '2222', inputs: ['x'] },
    ]);
    expect(await Promise.all(outcomes)).toEqual(['a#1', 'x#1', 'b#2']);
    // The next turn starts afresh.
    const late = add('1111', 'c');
    endTurn();
    expect(await late).toBe('c#1');
    expect(calls[2]).toEqual({ pin: '1111', inputs: ['c'] });
  });

  it('keeps each call to 200 inputs', async () => {
    const { add, calls, endTurn } = harness();
    const all = Array.from({ length: 450 }, (_, i) => add('1111', `p${i}`));
    endTurn();
    await Promise.all(all);
    expect(calls.map((c) => c.inputs.length)).toEqual([200, 200, 50]);
    expect(calls.flatMap((c) => c.inputs)).toEqual(Array.from({ length: 450 }, (_, i) => `p${i}`));
  });

  it('fails every input of a call that fails', async () => {
    const { add, endTurn } = harness(true);
    const both = [add('1111', 'a'), add('1111', 'b')];
    endTurn();
    for (const outcome of both) await expect(outcome).rejects.toThrow('Redis is away');
  });
});
