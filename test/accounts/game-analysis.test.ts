import { describe, expect, it } from 'vitest';
import type { AnswerRecord, PlayerRecord } from '../../server/game/records.js';
import { gameReport, hostReport, rankAll } from '../../server/game/standings.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';

const questions = FIXTURE_QUIZ.questions;
const player = (id: string, kicked = false): PlayerRecord => ({ id, nickname: id.toUpperCase(), tokenHash: '', joinedAt: 0, streak: 0, kicked });
const given = (playerId: string, answer: AnswerRecord['answer'], correct: boolean, responseMs: number): AnswerRecord => ({
  playerId,
  answer,
  correct,
  points: correct ? 800 : 0,
  responseMs,
  streak: correct ? 1 : 0,
});

describe('the analysis of a finished game', () => {
  // a: all right; b: right on 0 and 2, missed 1, wrong on 3; c: answered nothing; k was kicked.
  const perQuestion = [
    new Map([['a', given('a', 1, true, 1000)], ['b', given('b', 1, true, 3000)]]),
    new Map([['a', given('a', [0, 1], true, 4000)]]),
    new Map([['a', given('a', 1, true, 2000)], ['b', given('b', 1, true, 2000)]]),
    new Map([['a', given('a', 'gil', true, 9000)], ['b', given('b', 'GPU', false, 5000)]]),
  ];
  const players = [player('a'), player('b'), player('c'), player('k', true)];
  const ranked = rankAll([
    { playerId: 'a', nickname: 'A', score: 3200 },
    { playerId: 'b', nickname: 'B', score: 1600 },
    { playerId: 'c', nickname: 'C', score: 0 },
  ]);
  const analysis = gameReport(questions, perQuestion, players, ranked);

  it('counts shares over the players still in the game, and the answers per option', () => {
    expect(analysis.questions.map((q) => q.shareCorrect)).toEqual([2 / 3, 1 / 3, 2 / 3, 1 / 3]);
    expect(analysis.questions[1]).toMatchObject({ answered: 1, distribution: [1, 1, 0, 0], rightOptions: [0, 1], answer: 'DataFrame + n-dimensional array' });
    expect(analysis.questions[3]).toMatchObject({ distribution: [1, 1], rightOptions: [], averageResponseMs: 7000 });
  });

  it('ranks the three hardest questions by share correct, the slower first among equals, then in quiz order', () => {
    expect(analysis.hardest).toEqual([3, 1, 0]);
  });

  it('gives each player their accuracy over every question and their answers in words, null where none', () => {
    const b = analysis.players.find((p) => p.nickname === 'B')!;
    expect(b).toMatchObject({ correct: 2, answered: 3, accuracy: 0.5 });
    expect(b.answers.map((a) => a && a.given)).toEqual(['I/O-bound work', null, 'False', 'GPU']);
    expect(analysis.players.find((p) => p.nickname === 'C')!.answers).toEqual([null, null, null, null]);
  });

  it('lists players below half right as needing help: exactly half is not below', () => {
    expect(analysis.needsHelp).toEqual(['C']);
  });

  it('sends the host\'s screen only the game:over fields', () => {
    const wire = hostReport(analysis);
    expect(Object.keys(wire.questions[0]!).sort()).toEqual(['answered', 'averageResponseMs', 'correct', 'index', 'shareCorrect', 'text']);
    expect(Object.keys(wire.players[0]!).sort()).toEqual(['answered', 'correct', 'nickname', 'rank', 'score']);
  });
});
