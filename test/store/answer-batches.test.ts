import { describe, expect, it } from 'vitest';
import type { AnswerInput, AnswerOutcome } from '../../server/game/records.js';
import { AnswerBatches } from '../../server/store/answer-batches.js';

const input = (playerId: string): AnswerInput => ({ playerId, answer: 0, correct: false, responseMs: 100, ladder: [] });

/** A turn's end run by hand, and a recorder that notes each call and answers every input with its position. */
function harness(fail = false) {
  let pending: (() => void)[] = [];
  const calls: { pin: string; questionIndex: number; players: string[] }[] = [];
  const batches = new AnswerBatches(
    (send) => pending.push(send),
    async (pin, questionIndex, inputs) => {
      calls.push({ pin, questionIndex, players: inputs.map((i) => i.playerId) });
      if (fail) throw new Error('Redis is away');
      return inputs.map((_, i): AnswerOutcome => ({ status: 'ok', points: 0, streak: 0, answered: i + 1, connected: inputs.length }));
    },
  );
  const endTurn = () => {
    const sends = pending;
    pending = [];
    for (const send of sends) send();
  };
  return { batches, calls, endTurn };
}

describe('AnswerBatches', () => {
  it("records a turn's answers to one question in one call, in the order they came, and each caller gets its own outcome", async () => {
    const { batches, calls, endTurn } = harness();
    const outcomes = [batches.add('1111', 0, input('a')), batches.add('2222', 0, input('x')), batches.add('1111', 0, input('b'))];
    expect(calls).toEqual([]);
    endTurn();
    expect(calls).toEqual([
      { pin: '1111', questionIndex: 0, players: ['a', 'b'] },
      { pin: '2222', questionIndex: 0, players: ['x'] },
    ]);
    expect((await Promise.all(outcomes)).map((o) => (o.status === 'ok' ? o.answered : 0))).toEqual([1, 1, 2]);
    // The next turn starts afresh.
    const late = batches.add('1111', 0, input('c'));
    endTurn();
    await late;
    expect(calls[2]).toEqual({ pin: '1111', questionIndex: 0, players: ['c'] });
  });

  it('keeps each call to 200 answers', async () => {
    const { batches, calls, endTurn } = harness();
    const all = Array.from({ length: 450 }, (_, i) => batches.add('1111', 3, input(`p${i}`)));
    endTurn();
    await Promise.all(all);
    expect(calls.map((c) => c.players.length)).toEqual([200, 200, 50]);
    expect(calls.flatMap((c) => c.players)).toEqual(Array.from({ length: 450 }, (_, i) => `p${i}`));
  });

  it('fails every answer of a call that fails', async () => {
    const { batches, endTurn } = harness(true);
    const both = [batches.add('1111', 0, input('a')), batches.add('1111', 0, input('b'))];
    endTurn();
    for (const outcome of both) await expect(outcome).rejects.toThrow('Redis is away');
  });
});
