import { describe, expect, it } from 'vitest';
import type { GameOver } from '../../shared/server-events.js';
import { RedisStore } from '../../server/store/redis-store.js';
import { bankQuestions } from '../support/bank-answers.js';
import { childPool, type ChildServer } from '../support/child-server.js';
import { must, next } from '../support/clients.js';
import { UNSHUFFLED, expectedPoints, hostLobby } from '../support/game.js';
import { redisUrl } from '../support/redis.js';

const QUIZ = 'module-16-s5';
const QUESTIONS = 3;
const { answers, questions } = bankQuestions(QUIZ, QUESTIONS);
const wrongAnswer = (q: number) => {
  const question = questions[q]!;
  if (question.type === 'typed') return 'no idea';
  const wrong = question.options.findIndex((_, i) => !question.correct.includes(i));
  return question.type === 'multi' ? [wrong] : wrong;
};

/** The final scores the rule gives for the answers the store recorded. */
async function expectedScores(prefix: string, pin: string): Promise<Map<string, number>> {
  const store = await RedisStore.connect(redisUrl(), prefix);
  try {
    const totals = new Map<string, number>();
    const streaks = new Map<string, number>();
    const played = (await store.getQuestions(pin))!;
    for (const [q, question] of played.entries()) {
      const limit = question.timeLimitSec * 1000;
      for (const a of await store.getAnswers(pin, q)) {
        const streak = a.correct ? (streaks.get(a.playerId) ?? 0) + 1 : 0;
        streaks.set(a.playerId, streak);
        totals.set(a.playerId, (totals.get(a.playerId) ?? 0) + expectedPoints(a.correct, a.responseMs, limit, streak));
      }
    }
    return totals;
  } finally {
    await store.close();
  }
}

describe('several server processes sharing one Redis', () => {
  const pool = childPool();
  const client = pool.client;

  async function cluster(name: string, count = 2) {
    const prefix = pool.prefix(name);
    const started = await Promise.all(Array.from({ length: count }, () => pool.boot(prefix, { LEASE_MS: '1000' })));
    return { prefix, servers: started };
  }

  async function seat(urls: string[], pin: string, count: number) {
    return Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const url = urls[i % urls.length]!;
        const socket = await client(url);
        const joined = await must(socket, 'player:join', { pin, nickname: `P${i}` });
        return { ...joined, socket, url };
      }),
    );
  }

  it('plays a whole game with the host on A and the players split over A and B', async () => {
    const { prefix, servers } = await cluster('two-procs');
    const [a, b] = servers as [ChildServer, ChildServer];
    const host = await client(a.url);
    const { pin, hostToken } = await must(host, 'host:create', { quizId: QUIZ, questionCount: QUESTIONS, ...UNSHUFFLED });
    // A second host screen on B: each process sends the lobby changes it saw to the hosts on both.
    const screen = await client(b.url);
    const screenState = next(screen, 'room:state');
    await must(screen, 'host:attach', { pin, hostToken });
    const shown = await screenState;
    const lobbies = [hostLobby(host), hostLobby(screen, shown.role === 'host' ? shown.players : [])];
    const players = await seat([a.url, b.url], pin, 6);
    const everyone = players.map((p) => p.nickname).sort();
    for (const lobby of lobbies) {
      const listed = await lobby.until((list) => list.length === 6 && list.every((p) => p.connected));
      expect(listed.map((p) => p.nickname).sort()).toEqual(everyone);
    }

    const opens = Promise.all(players.map((p) => next(p.socket, 'question:open', (o) => o.index === 0)));
    await must(host, 'host:start', {});
    await opens;
    for (let q = 0; q < QUESTIONS; q++) {
      const reveal = next(host, 'question:reveal', (r) => r.index === q);
      const results = Promise.all(players.map((p) => next(p.socket, 'player:result', (r) => r.index === q)));
      const answer = (i: number) => must(players[i]!.socket, 'player:answer', { questionIndex: q, answer: ((i + q) % 3 === 0 ? wrongAnswer(q) : answers[q]!) as never });
      const onB = players.flatMap((p, i) => (p.url === b.url ? [i] : []));
      // The host's counter reaches A from B, which holds no host socket, through the adapter.
      const counted = next(host, 'question:progress', (p) => p.index === q && p.answered === onB.length);
      await Promise.all(onB.map(answer));
      await counted;
      await Promise.all(players.flatMap((p, i) => (p.url === b.url ? [] : [answer(i)])));
      expect((await reveal).answered).toBe(6);
      (await results).forEach((r, i) => expect(r.correct).toBe((i + q) % 3 !== 0));
      await must(host, 'host:next', {});
      if (q + 1 < QUESTIONS) {
        const nextOpens = Promise.all(players.map((p) => next(p.socket, 'question:open', (o) => o.index === q + 1)));
        await must(host, 'host:next', {});
        await nextOpens;
      }
    }
    const finals = Promise.all(players.map((p) => next(p.socket, 'game:over')));
    await must(host, 'host:next', {});
    const over: GameOver[] = await finals;
    const expected = await expectedScores(prefix, pin);
    over.forEach((o, i) => expect(o.you?.score).toBe(expected.get(players[i]!.playerId)));
  }, 60_000);

  it('survives the death of the process that runs the clock: B closes the question at its deadline and finishes the game', async () => {
    const { prefix, servers } = await cluster('failover');
    const [a, b] = servers as [ChildServer, ChildServer];
    const host = await client(a.url);
    const { pin, hostToken } = await must(host, 'host:create', { quizId: QUIZ, questionCount: 2, timeLimitSec: 5, ...UNSHUFFLED });
    const players = await seat([a.url, b.url], pin, 4);
    const opens = Promise.all(players.map((p) => next(p.socket, 'question:open')));
    await must(host, 'host:start', {});
    const opened = (await opens)[0]!;
    // Everyone on B answers; P0 on A answers before A dies; P2 on A never answers.
    await must(players[0]!.socket, 'player:answer', { questionIndex: 0, answer: answers[0]! });
    await must(players[1]!.socket, 'player:answer', { questionIndex: 0, answer: answers[0]! });
    await must(players[3]!.socket, 'player:answer', { questionIndex: 0, answer: wrongAnswer(0) as never });

    const revealOnB = next(players[1]!.socket, 'question:reveal');
    a.child.kill('SIGKILL');
    await a.exited;

    const screen = await client(b.url);
    await must(screen, 'host:attach', { pin, hostToken });
    const back = await Promise.all(
      [players[0]!, players[2]!].map(async (p) => {
        const s = await client(b.url);
        await must(s, 'player:rejoin', { pin, playerToken: p.playerToken });
        return { ...p, socket: s };
      }),
    );
    const reveal = await revealOnB;
    expect(reveal).toMatchObject({ index: 0, answered: 3 });
    expect(Date.now()).toBeGreaterThanOrEqual(opened.deadline);

    const moved = [back[0]!, players[1]!, back[1]!, players[3]!];
    await must(screen, 'host:next', {});
    const secondOpen = Promise.all(moved.map((p) => next(p.socket, 'question:open', (o) => o.index === 1)));
    await must(screen, 'host:next', {});
    await secondOpen;
    const secondReveal = next(screen, 'question:reveal');
    await Promise.all(moved.map((p) => must(p.socket, 'player:answer', { questionIndex: 1, answer: answers[1]! as never })));
    expect((await secondReveal).answered).toBe(4);
    await must(screen, 'host:next', {});
    const finals = Promise.all(moved.map((p) => next(p.socket, 'game:over')));
    expect(await must(screen, 'host:next', {})).toMatchObject({ phase: 'podium' });
    const over = await finals;
    const expected = await expectedScores(prefix, pin);
    over.forEach((o, i) => expect(o.you?.score).toBe(expected.get(moved[i]!.playerId)));
    expect(over[2]!.you?.missed.map((m) => m.index)).toEqual([0]);
  }, 60_000);

  it('lets exactly one of two processes racing for an orphaned room run its clock', async () => {
    const prefix = pool.prefix('lease-race');
    // A room left open by a process that is gone: a question whose deadline is about to pass.
    const seedServer = await pool.boot(prefix, { LEASE_MS: '1000' });
    const host = await client(seedServer.url);
    const { pin } = await must(host, 'host:create', { quizId: QUIZ, questionCount: 2, timeLimitSec: 5, ...UNSHUFFLED });
    await must(await client(seedServer.url), 'player:join', { pin, nickname: 'Solo' });
    await must(host, 'host:start', {});
    seedServer.child.kill('SIGKILL');
    await seedServer.exited;

    const racers = await Promise.all([0, 1].map(() => pool.boot(prefix, { LEASE_MS: '1000' })));
    const watcher = await client(racers[1]!.url);
    const linesOf = (racer: ChildServer, what: string) =>
      racer.output().split('\n').filter((line) => line.includes(pin) && line.includes(what));
    const revealLines = (racer: ChildServer) => linesOf(racer, 'room moved').filter((line) => line.includes('"phase":"reveal"'));
    // The log line comes through a pipe after the move is in the store: wait for the line itself.
    const revealLogged = (racer: ChildServer) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (revealLines(racer).length === 0) return;
          racer.child.stdout!.off('data', check);
          resolve();
        };
        racer.child.stdout!.on('data', check);
        check();
      });
    await Promise.race(racers.map(revealLogged));
    const store = await RedisStore.connect(redisUrl(), prefix);
    try {
      expect((await store.getRoom(pin))?.phase).toBe('reveal');
    } finally {
      await store.close();
    }
    const takeovers = racers.map((r) => linesOf(r, 'room clock taken over').length);
    const reveals = racers.map((r) => revealLines(r).length);
    expect(takeovers.reduce((x, y) => x + y, 0)).toBe(1);
    expect(reveals.reduce((x, y) => x + y, 0)).toBe(1);
    expect(reveals.indexOf(1)).toBe(takeovers.indexOf(1));
    expect(watcher.connected).toBe(true);
  }, 60_000);
});
