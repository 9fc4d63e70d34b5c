import { describe, expect, it } from 'vitest';
import type { PlayerResult } from '../../shared/server-events.js';
import { bankQuestions } from '../support/bank-answers.js';
import { childPool } from '../support/child-server.js';
import { must, next } from '../support/clients.js';
import { UNSHUFFLED } from '../support/game.js';

const QUIZ = 'module-16-s5';
const { answers } = bankQuestions(QUIZ, 3);

/** Each kill point: how far the game has gone when the process dies. */
const KILL_AT = ['lobby', 'question', 'reveal', 'leaderboard'] as const;

describe('a server killed with SIGKILL and started again on Redis', () => {
  const pool = childPool();
  const boot = (prefix: string, port?: number) => pool.boot(prefix, {}, port);
  const client = pool.client;

  it.each(KILL_AT)('resumes the room when killed in the %s phase, with every score kept', async (phase) => {
    const prefix = pool.prefix(`restart-${phase}`);
    const first = await boot(prefix);
    const host = await client(first.url);
    const { pin, hostToken } = await must(host, 'host:create', { quizId: QUIZ, questionCount: 3, timeLimitSec: 30, ...UNSHUFFLED });
    const players = await Promise.all(
      ['Ada', 'Grace'].map(async (nickname) => {
        const s = await client(first.url);
        return { ...(await must(s, 'player:join', { pin, nickname })), socket: s };
      }),
    );

    let before: PlayerResult | undefined;
    if (phase !== 'lobby') {
      const open = next(players[0]!.socket, 'question:open');
      await must(host, 'host:start', {});
      await open;
      await must(players[0]!.socket, 'player:answer', { questionIndex: 0, answer: answers[0]! });
      if (phase !== 'question') {
        const result = next(players[0]!.socket, 'player:result');
        const reveal = next(host, 'question:reveal');
        await must(host, 'host:next', {});
        await reveal;
        before = await result;
        if (phase === 'leaderboard') {
          const board = next(host, 'leaderboard:show');
          await must(host, 'host:next', {});
          await board;
        }
      }
    }

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = await boot(prefix, first.port);

    const screen = await client(second.url);
    const hostState = next(screen, 'room:state');
    await must(screen, 'host:attach', { pin, hostToken });
    expect((await hostState).phase).toBe(phase);

    const back = await Promise.all(
      players.map(async (p) => {
        const s = await client(second.url);
        const state = next(s, 'room:state');
        const rejoined = await must(s, 'player:rejoin', { pin, playerToken: p.playerToken });
        expect(rejoined).toMatchObject({ playerId: p.playerId, nickname: p.nickname });
        return { ...p, socket: s, state: await state };
      }),
    );
    expect(back[0]!.state.phase).toBe(phase);
    if (before) expect(back[0]!.state).toMatchObject({ score: before.score, rank: 1 });

    if (phase === 'question') {
      // Ada's answer from before the crash counts exactly once; Grace can still answer the open question.
      expect(back[0]!.state.answered).toBe(true);
      expect(back[1]!.state.answered).toBe(false);
      const result = next(back[0]!.socket, 'player:result');
      await must(back[1]!.socket, 'player:answer', { questionIndex: 0, answer: answers[0]! });
      const r = await result;
      expect(r).toMatchObject({ index: 0, correct: true, streak: 1 });
      expect(r.score).toBeGreaterThanOrEqual(500);
      before = r;
    }

    // The game goes on to the podium on the new process.
    const final = next(back[0]!.socket, 'game:over');
    if (phase === 'lobby') await must(screen, 'host:start', {});
    let state = (await must(screen, 'host:next', {})).phase;
    while (state !== 'podium') state = (await must(screen, 'host:next', {})).phase;
    expect((await final).you?.score ?? -1).toBeGreaterThanOrEqual(before?.score ?? 0);
  }, 60_000);

  it('closes a question whose deadline passed while the server was down, as soon as it is back', async () => {
    const prefix = pool.prefix('restart-deadline');
    const first = await boot(prefix);
    const host = await client(first.url);
    const { pin, hostToken } = await must(host, 'host:create', { quizId: QUIZ, questionCount: 2, timeLimitSec: 5, ...UNSHUFFLED });
    const p = await client(first.url);
    const joined = await must(p, 'player:join', { pin, nickname: 'Linus' });
    const open = next(p, 'question:open');
    await must(host, 'host:start', {});
    const opened = await open;
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, Math.max(0, opened.deadline + 600 - Date.now())));

    const second = await boot(prefix, first.port);
    const screen = await client(second.url);
    const state = next(screen, 'room:state');
    await must(screen, 'host:attach', { pin, hostToken });
    expect((await state).phase).toBe('reveal');
    const s = await client(second.url);
    const mine = next(s, 'room:state');
    await must(s, 'player:rejoin', { pin, playerToken: joined.playerToken });
    expect(await mine).toMatchObject({ phase: 'reveal', result: { answered: false, points: 0 } });
  }, 60_000);

  it('shuts down gracefully on SIGTERM: clients are told to reconnect and the room carries on', async () => {
    const prefix = pool.prefix('sigterm');
    const first = await boot(prefix);
    const host = await client(first.url);
    const { pin, hostToken } = await must(host, 'host:create', { quizId: QUIZ, questionCount: 2, ...UNSHUFFLED });
    const p = await client(first.url);
    const joined = await must(p, 'player:join', { pin, nickname: 'Barbara' });
    const open = next(p, 'question:open');
    await must(host, 'host:start', {});
    await open;
    await must(p, 'player:answer', { questionIndex: 0, answer: answers[0]! });
    // One player, one answer: the question closed; the reveal is stored before we stop.
    await next(host, 'question:reveal');

    const told = next(p, 'server:restarting');
    first.child.kill('SIGTERM');
    expect(await told).toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(await first.exited).toBe(0);

    const second = await boot(prefix, first.port);
    const s = await client(second.url);
    const state = next(s, 'room:state');
    await must(s, 'player:rejoin', { pin, playerToken: joined.playerToken });
    expect(await state).toMatchObject({ phase: 'reveal', result: { correct: true } });
    const screen = await client(second.url);
    await must(screen, 'host:attach', { pin, hostToken });
    expect(await must(screen, 'host:next', {})).toMatchObject({ phase: 'leaderboard' });
  }, 60_000);
});
