import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents } from '../shared/client-events.js';
import { connectClient, emitAck, must, next, type TestSocket } from './support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_QUIZ, FIXTURE_WRONG } from './support/fixture-quiz.js';
import { UNSHUFFLED, expectedPoints, seatPlayers } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

const FUZZERS = 24;
const EVENTS_PER_FUZZER = 150;

/** A repeatable stream of numbers, so a failing run can be replayed. */
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Payloads of every wrong kind: wrong types, missing fields, huge or deep values, out-of-range numbers, forged ids. */
function junk(random: () => number, pin: string): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  return pick<unknown>([
    undefined,
    null,
    42,
    'text',
    [],
    { pin },
    { pin, nickname: 'x'.repeat(Math.floor(random() * 300)) },
    { pin: '99999', nickname: 'a' },
    { pin, playerToken: 'f'.repeat(32) },
    { pin, hostToken: '0'.repeat(32) },
    { pin, hostToken: 'zz' },
    { questionIndex: Math.floor(random() * 400) - 100, answer: 1 },
    { questionIndex: 0, answer: { $gt: '' } },
    { questionIndex: 0, answer: [1, 1, 1, 1, 1, 1] },
    { questionIndex: 0, answer: -1 },
    { questionIndex: 0.5, answer: 0 },
    { questionIndex: 0, answer: 'y'.repeat(9_000) },
    { playerId: 'not-an-id' },
    { playerId: '0123456789ab' },
    { locked: 'yes' },
    { quizId: 'nope' },
    { quizId: 'fixture', questionCount: -3 },
    { clientSentAt: 'now' },
    { __proto__: { admin: true }, pin },
    { constructor: { prototype: { polluted: true } } },
    nested(Math.floor(random() * 1500)),
  ]);
}

type Reply = { ok: true } | { ok: false; error: { code: string } };

/** An ack, or 'no answer' if none came: the test fails on any of those rather than hanging. */
function ackWithin(socket: TestSocket, event: string, payload: unknown): Promise<Reply | 'no answer'> {
  type TimedEmit = (event: string, payload: unknown, ack: (err: Error | null, reply: Reply) => void) => void;
  return new Promise((resolve) => (socket.timeout(5_000).emit as unknown as TimedEmit)(event, payload, (err, reply) => resolve(err ? 'no answer' : reply)));
}

describe.each(STORE_KINDS)('fuzzing a live game on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { config: { limits: { eventsPerSocketPerSec: 1000, roomsPerIpPer10Min: 1000, failedJoinBurst: 100_000, failedJoinEverySec: 1 } } });
  });
  afterAll(async () => server?.stop());

  it('refuses thousands of malformed events while the honest game finishes with exact scores', async () => {
    const host = await connectClient(server.url);
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    const players = await seatPlayers(server.url, pin, 5, 'Honest');

    const names = [...Object.keys(clientEvents), 'admin:drop', 'constructor', '__proto__', 'x'.repeat(200)];
    const fuzzers: TestSocket[] = await Promise.all(Array.from({ length: FUZZERS }, () => connectClient(server.url)));
    const refusals = new Map<string, number>();
    const fuzzing = Promise.all(
      fuzzers.map(async (socket, f) => {
        const random = rng(f + 1);
        // Half the fuzzers hold a player seat in a decoy room, so player checks run past the role test.
        if (f % 2 === 0) {
          const decoy = await must(socket, 'host:create', { quizId: 'fixture' });
          await emitAck(await connectClient(server.url), 'player:join', { pin: decoy.pin, nickname: 'decoy' });
        }
        for (let i = 0; i < EVENTS_PER_FUZZER; i++) {
          const event = names[Math.floor(random() * names.length)]!;
          const reply = await ackWithin(socket, event, junk(random, pin));
          const code = reply === 'no answer' ? reply : reply.ok ? 'ok' : reply.error.code;
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
          // An event without an ack must be dropped quietly, never crash anything.
          if (i % 10 === 0) (socket.emit as unknown as (e: string, p: unknown) => void)(event, junk(random, pin));
        }
      }),
    );

    const opens = Promise.all(players.map((p) => next(p.socket, 'question:open')));
    await must(host, 'host:start', {});
    await opens;
    for (let q = 0; q < FIXTURE_QUIZ.questions.length; q++) {
      const reveal = next(host, 'question:reveal', (r) => r.index === q);
      await Promise.all(players.map((p, i) => must(p.socket, 'player:answer', { questionIndex: q, answer: (i % 2 === 0 ? FIXTURE_ANSWERS[q] : FIXTURE_WRONG[q]) as never })));
      expect((await reveal).answered).toBe(players.length);
      const board = next(host, 'leaderboard:show');
      await must(host, 'host:next', {});
      await board;
      if (q + 1 < FIXTURE_QUIZ.questions.length) {
        const nextOpens = Promise.all(players.map((p) => next(p.socket, 'question:open', (o) => o.index === q + 1)));
        await must(host, 'host:next', {});
        await nextOpens;
      }
    }
    const finals = Promise.all(players.map((p) => next(p.socket, 'game:over')));
    await must(host, 'host:next', {});
    const over = await finals;
    await fuzzing;

    // Every event with an ack was answered, nearly all with a refusal, none with an internal error.
    expect(refusals.has('no answer')).toBe(false);
    expect(refusals.has('internal')).toBe(false);
    expect(FUZZERS * EVENTS_PER_FUZZER - (refusals.get('ok') ?? 0)).toBeGreaterThan(FUZZERS * EVENTS_PER_FUZZER * 0.9);
    expect([...refusals.keys()]).toEqual(expect.arrayContaining(['bad_request', 'forbidden', 'not_found']));

    const expected = new Map<string, number>();
    const streaks = new Map<string, number>();
    for (let q = 0; q < FIXTURE_QUIZ.questions.length; q++) {
      const answers = await server.store.getAnswers(pin, q);
      expect(answers.map((a) => a.playerId).sort()).toEqual(players.map((p) => p.playerId).sort());
      for (const a of answers) {
        const streak = a.correct ? (streaks.get(a.playerId) ?? 0) + 1 : 0;
        streaks.set(a.playerId, streak);
        expected.set(a.playerId, (expected.get(a.playerId) ?? 0) + expectedPoints(a.correct, a.responseMs, FIXTURE_QUIZ.questions[q]!.timeLimitSec * 1000, streak));
      }
    }
    over.forEach((o, i) => {
      expect(o.you?.score).toBe(expected.get(players[i]!.playerId));
      expect(o.you?.correct).toBe(i % 2 === 0 ? FIXTURE_QUIZ.questions.length : 0);
    });
    expect(over[0]!.count).toBe(players.length);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    for (const s of [host, ...fuzzers, ...players.map((p) => p.socket)]) s.disconnect();
  }, 60_000);
});
