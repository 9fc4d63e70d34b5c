import { describe, expect, it } from 'vitest';
import { distribution, playerAbove, previousRanks, rankAll } from '../../server/game/standings.js';
import { playerResultView } from '../../server/game/views.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';

const entry = (playerId: string, score: number) => ({ playerId, nickname: playerId.toUpperCase(), score });

describe('standings', () => {
  it('ranks ties together and skips the ranks they take', () => {
    const ranked = rankAll([entry('c', 500), entry('a', 900), entry('b', 500), entry('d', 100)]);
    expect(ranked.map((r) => [r.playerId, r.rank])).toEqual([['a', 1], ['b', 2], ['c', 2], ['d', 4]]);
    expect(playerAbove(ranked, 4)?.playerId).toBe('c');
    expect(playerAbove(ranked, 2)?.playerId).toBe('a');
    expect(playerAbove(ranked, 1)).toBeUndefined();
  });

  it('tells a player how far behind the one above they are', () => {
    const ranked = rankAll([entry('a', 900), entry('b', 650)]);
    const result = playerResultView(0, ranked[1]!, ranked, { playerId: 'b', answer: 1, correct: true, points: 650, responseMs: 9_000, streak: 1 });
    expect(result).toMatchObject({ rank: 2, behindBy: 250, behindNickname: 'A', points: 650, streak: 1 });
    expect(playerResultView(0, ranked[0]!, ranked, undefined)).not.toHaveProperty('behindBy');
  });

  it('knows the ranks before the last question', () => {
    const now = [entry('a', 1000), entry('b', 900)];
    const prev = previousRanks(now, [{ playerId: 'a', answer: 1, correct: true, points: 1000, responseMs: 0, streak: 1 }]);
    expect(prev.get('a')).toBe(2);
    expect(prev.get('b')).toBe(1);
  });

  it('counts votes per option, and right/wrong for typed questions', () => {
    const a = (playerId: string, answer: number | number[] | string, correct = false) => ({ playerId, answer, correct, points: 0, responseMs: 0, streak: 0 });
    expect(distribution(FIXTURE_QUIZ.questions[0]!, [a('x', 1), a('y', 1), a('z', 3)])).toEqual([0, 2, 0, 1]);
    expect(distribution(FIXTURE_QUIZ.questions[1]!, [a('x', [0, 1]), a('y', [1])])).toEqual([1, 2, 0, 0]);
    expect(distribution(FIXTURE_QUIZ.questions[3]!, [a('x', 'gil', true), a('y', 'no')])).toEqual([1, 1]);
  });
});
