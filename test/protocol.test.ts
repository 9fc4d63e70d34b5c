import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, emitAck, must, next, type TestSocket } from './support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_QUIZ } from './support/fixture-quiz.js';
import { answer, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

const OPEN_KEYS = ['index', 'total', 'type', 'text', 'options', 'openedAt', 'deadline', 'timeLimitMs'];

describe.each(STORE_KINDS)('the protocol on the %s store', (kind) => {
  let server: TestServer;
  let offset = 0;
  const sockets: TestSocket[] = [];
  const track = <T extends { socket: TestSocket } | TestSocket>(x: T): T => {
    sockets.push('socket' in x ? x.socket : x);
    return x;
  };

  beforeAll(async () => {
    server = await startTestServer(kind, { now: () => Date.now() + offset });
  });
  afterEach(() => {
    offset = 0;
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => server?.stop());

  async function started(players = 2, options: Record<string, unknown> = {}) {
    const room = await hostRoom(server.url, options);
    track(room.host);
    const seated = (await seatPlayers(server.url, room.pin, players)).map(track);
    const open = Promise.all(seated.map((p) => next(p.socket, 'question:open')));
    await must(room.host, 'host:start', {});
    return { ...room, players: seated, opens: await open };
  }

  it('never sends the answer with an open question, nor in a player snapshot', async () => {
    const { pin, players, opens } = await started(2);
    for (const open of opens) {
      for (const key of Object.keys(open)) expect(OPEN_KEYS).toContain(key);
      expect(JSON.stringify(open)).not.toMatch(/correct|accepted|explanation/);
    }
    const again = track(await connectClient(server.url));
    const state = next(again, 'room:state');
    await must(again, 'player:rejoin', { pin, playerToken: players[0]!.playerToken });
    const snapshot = await state;
    expect(snapshot.question?.index).toBe(0);
    expect(JSON.stringify(snapshot)).not.toMatch(/correct|accepted|explanation|Token|tokenHash/);
  });

  it('lets a latecomer join an open question: a snapshot of it from the join itself, unanswered, and their answer counts', async () => {
    const { pin } = await started(2);
    const late = track(await connectClient(server.url));
    const state = next(late, 'room:state');
    await must(late, 'player:join', { pin, nickname: 'Latecomer' });
    const snapshot = await state;
    expect(snapshot).toMatchObject({ role: 'player', phase: 'question', questionIndex: 0, count: 3, score: 0, rank: 0, streak: 0, answered: false });
    expect(snapshot.question?.index).toBe(0);
    expect(JSON.stringify(snapshot)).not.toMatch(/correct|accepted|explanation|Token|tokenHash/);
    expect(await emitAck(late, 'player:answer', { questionIndex: 0, answer: FIXTURE_ANSWERS[0] })).toMatchObject({ ok: true, accepted: true });
  });

  it('refuses a second answer, even sent twice at once or through two sockets', async () => {
    const { pin, players } = await started(3);
    const [a, b] = players as [never, never];
    const { socket: first } = a as { socket: TestSocket };
    expect(await emitAck(first, 'player:answer', { questionIndex: 0, answer: 1 })).toMatchObject({ ok: true, accepted: true });
    expect(await emitAck(first, 'player:answer', { questionIndex: 0, answer: 2 })).toMatchObject({ ok: false, error: { code: 'already_answered' } });

    const second = (b as { socket: TestSocket; playerToken: string });
    const twin = track(await connectClient(server.url));
    await must(twin, 'player:rejoin', { pin, playerToken: second.playerToken });
    const both = await Promise.all([
      emitAck(second.socket, 'player:answer', { questionIndex: 0, answer: 1 }),
      emitAck(twin, 'player:answer', { questionIndex: 0, answer: 0 }),
      emitAck(second.socket, 'player:answer', { questionIndex: 0, answer: 3 }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok && r.error.code === 'already_answered')).toHaveLength(2);
    expect(await server.store.answerCount(pin, 0)).toBe(2);
  });

  it('refuses an answer after the deadline, to a closed question and to one not yet open', async () => {
    const { host, players } = await started(2);
    const [p1, p2] = players as [never, never] as [{ socket: TestSocket }, { socket: TestSocket }];
    expect(await emitAck(p1.socket, 'player:answer', { questionIndex: 1, answer: [0] })).toMatchObject({ ok: false, error: { code: 'wrong_phase' } });
    offset = 21_000;
    expect(await emitAck(p1.socket, 'player:answer', { questionIndex: 0, answer: 1 })).toMatchObject({ ok: false, error: { code: 'too_late' } });
    offset = 0;
    const reveal = next(host, 'question:reveal');
    await must(host, 'host:next', {});
    expect((await reveal).answered).toBe(0);
    expect(await emitAck(p2.socket, 'player:answer', { questionIndex: 0, answer: 1 })).toMatchObject({ ok: false, error: { code: 'too_late' } });
  });

  it('refuses every host event from a player socket, and the room goes on', async () => {
    const { pin, host, players } = await started(1);
    const p = players[0]!.socket;
    for (const [event, payload] of [
      ['host:start', {}],
      ['host:next', {}],
      ['host:end', {}],
      ['host:lock', { locked: true }],
      ['host:kick', { playerId: players[0]!.playerId }],
    ] as const) {
      expect(await emitAck(p, event, payload as never), event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await emitAck(p, 'host:attach', { pin, hostToken: '0'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await server.store.getRoom(pin))?.phase).toBe('question');
    const result = next(p, 'player:result');
    await answer(p, 0, FIXTURE_ANSWERS[0]);
    expect(await result).toMatchObject({ correct: true });
    expect(host.connected).toBe(true);
  });

  it('answers malformed payloads and unknown events with bad_request', async () => {
    const { players } = await started(1);
    const p = players[0]!.socket;
    const bad: [string, unknown][] = [
      ['player:answer', { questionIndex: 'zero', answer: 1 }],
      ['player:answer', { questionIndex: 0 }],
      ['player:answer', { questionIndex: 0, answer: 9 }],
      ['player:answer', { questionIndex: -1, answer: 1 }],
      ['player:answer', { questionIndex: 0, answer: 'x'.repeat(5000) }],
      ['player:join', { pin: '12345', nickname: 'x' }],
      ['player:answer', null],
      ['no:such:event', {}],
    ];
    for (const [event, payload] of bad) {
      const reply = await emitAck(p, event as never, payload as never);
      expect(reply, event).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    // The wrong shape for this question's type is refused too: question 0 is single choice.
    expect(await emitAck(p, 'player:answer', { questionIndex: 0, answer: [1] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(p, 'player:answer', { questionIndex: 0, answer: 1 })).toMatchObject({ ok: true });
  });

  it('closes a question at its deadline when someone never answers, and breaks their streak', async () => {
    const { host, pin, players } = await started(2, { timeLimitSec: 5 });
    await answer(players[0]!.socket, 0, FIXTURE_ANSWERS[0]);
    const silent = next(players[1]!.socket, 'player:result');
    const reveal = await next(host, 'question:reveal');
    expect(reveal).toMatchObject({ index: 0, answered: 1, correct: [1] });
    expect(await silent).toMatchObject({ answered: false, correct: false, points: 0, streak: 0 });
    expect((await server.store.getRoom(pin))?.phase).toBe('reveal');
  }, 15_000);

  it('moves on by itself with auto-advance', async () => {
    const { host, players } = await started(1, { autoAdvanceSec: 1 });
    const p = players[0]!.socket;
    const board = next(p, 'leaderboard:show');
    const second = next(p, 'question:open', (o) => o.index === 1);
    await answer(p, 0, FIXTURE_ANSWERS[0]);
    expect((await board).top[0]).toMatchObject({ rank: 1, score: 1000 });
    expect((await second).index).toBe(1);
    expect(host.connected).toBe(true);
  });

  it('brings a dropped player back with score, streak and rank, and lets them answer an open question', async () => {
    const { host, pin, players } = await started(2);
    const [p1, p2] = players as [(typeof players)[0], (typeof players)[0]];
    const firstResult = next(p1.socket, 'player:result');
    await answer(p1.socket, 0, FIXTURE_ANSWERS[0]);
    await answer(p2.socket, 0, 0);
    const earned = await firstResult;
    const open = next(p1.socket, 'question:open');
    await must(host, 'host:next', {});
    await must(host, 'host:next', {});
    await open;

    p1.socket.disconnect();
    const back = track(await connectClient(server.url));
    const state = next(back, 'room:state');
    const rejoined = await must(back, 'player:rejoin', { pin, playerToken: p1.playerToken });
    expect(rejoined).toMatchObject({ playerId: p1.playerId, nickname: p1.nickname, score: earned.score });
    const snapshot = await state;
    expect(snapshot).toMatchObject({ role: 'player', phase: 'question', score: earned.score, rank: 1, streak: 1, answered: false });
    const result = next(back, 'player:result');
    await answer(back, 1, FIXTURE_ANSWERS[1] as never);
    await answer(p2.socket, 1, [3]);
    expect(await result).toMatchObject({ correct: true, streak: 2 });
  });

  it('kicks a player for good, locks the room, and keeps nicknames unique ignoring case', async () => {
    const { host, pin } = await hostRoom(server.url);
    track(host);
    const [p] = (await seatPlayers(server.url, pin, 1, 'Ana')).map(track);
    const dup = track(await connectClient(server.url));
    expect(await emitAck(dup, 'player:join', { pin, nickname: ' ANA   01 ' })).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    expect(await emitAck(dup, 'player:join', { pin, nickname: '\u200b\u2800' })).toMatchObject({ ok: false, error: { code: 'nickname_refused' } });

    const kicked = next(p!.socket, 'player:kicked');
    await must(host, 'host:kick', { playerId: p!.playerId });
    await kicked;
    const retry = track(await connectClient(server.url));
    expect(await emitAck(retry, 'player:rejoin', { pin, playerToken: p!.playerToken })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await must(host, 'host:lock', { locked: true });
    expect(await emitAck(retry, 'player:join', { pin, nickname: 'Late' })).toMatchObject({ ok: false, error: { code: 'room_locked' } });
    await must(host, 'host:lock', { locked: false });
    expect(await emitAck(retry, 'player:join', { pin, nickname: 'Late' })).toMatchObject({ ok: true });
    expect(await emitAck(track(await connectClient(server.url)), 'player:join', { pin: '000000', nickname: 'Lost' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('hands the room to a reloaded host screen with the host token only', async () => {
    const { pin, hostToken, host, players } = await started(1);
    host.disconnect();
    const screen = track(await connectClient(server.url));
    expect(await emitAck(screen, 'host:attach', { pin, hostToken: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const state = next(screen, 'room:state');
    await must(screen, 'host:attach', { pin, hostToken });
    const snapshot = await state;
    expect(snapshot).toMatchObject({ role: 'host', phase: 'question', count: 1 });
    expect(JSON.stringify(snapshot)).not.toMatch(/[0-9a-f]{32}/);
    const reveal = next(screen, 'question:reveal');
    await must(screen, 'host:next', {});
    expect((await reveal).index).toBe(0);
    expect(players[0]!.socket.connected).toBe(true);
  });

  it('gives a room of generated nicknames friendly names whatever is typed', async () => {
    const { host, pin } = await hostRoom(server.url, { nicknameMode: 'generated' });
    track(host);
    const s = track(await connectClient(server.url));
    const joined = await must(s, 'player:join', { pin, nickname: 'xXx_b0t_xXx' });
    expect(joined.nickname).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+( \d+)?$/);
  });

  it('plays double points and practice rooms', async () => {
    for (const [pointsMode, expected] of [['double', 2000], ['none', 0]] as const) {
      const { players } = await started(1, { pointsMode });
      const result = next(players[0]!.socket, 'player:result');
      await answer(players[0]!.socket, 0, FIXTURE_ANSWERS[0]);
      expect(await result).toMatchObject({ correct: true, points: expected, streak: 1 });
    }
  });

  it('answers time:sync with the server clock', async () => {
    const s = track(await connectClient(server.url));
    const before = Date.now();
    const { serverTime } = await must(s, 'time:sync', { clientSentAt: before });
    expect(serverTime).toBeGreaterThanOrEqual(before);
    expect(serverTime).toBeLessThanOrEqual(Date.now());
  });

  it('serves the question bank list and health probes over HTTP', async () => {
    const quizzes = (await (await fetch(`${server.url}/api/quizzes`)).json()) as { quizzes: { id: string }[] };
    expect(quizzes.quizzes.map((q) => q.id)).toContain(FIXTURE_QUIZ.id);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ ok: true, store: kind });
  });
});
