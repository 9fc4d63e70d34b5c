import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerInput, PlayerRecord, RoomRecord } from '../../server/game/records.js';
import { MemoryStore } from '../../server/store/memory-store.js';
import type { RoomStore } from '../../server/store/room-store.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { dropPrefix, openRedisStore, testPrefix } from '../support/redis.js';

const room = (pin = '424242', over: Partial<RoomRecord> = {}): RoomRecord => ({
  pin,
  hostTokenHash: 'ab'.repeat(32),
  settings: { quizId: 'fixture', title: 'Fixture', pointsMode: 'standard', autoAdvanceSec: 0, maxPlayers: 3, nicknameMode: 'typed' },
  total: FIXTURE_QUIZ.questions.length,
  phase: 'lobby',
  questionIndex: -1,
  openedAt: 0,
  deadline: 0,
  advanceAt: 0,
  locked: false,
  createdAt: 1,
  ...over,
});
const player = (id: string, nickname = id): PlayerRecord => ({ id, nickname, tokenHash: `hash-${id}`, joinedAt: Number.parseInt(id, 16), streak: 0, kicked: false });
/** A correct answer worth `points` on a first streak (and 100 more per step of streak), or a wrong one for 0. */
const answer = (playerId: string, points: number): AnswerInput => ({
  playerId,
  answer: 1,
  correct: points > 0,
  responseMs: 800,
  ladder: points > 0 ? [points, points + 100, points + 200] : [],
});
const status = (outcome: Promise<{ status: string }>) => outcome.then((o) => o.status);

type Made = { store: RoomStore; cleanup: () => Promise<void> };
const makers: [string, () => Promise<Made>][] = [
  ['memory', async () => ({ store: new MemoryStore(), cleanup: async () => {} })],
  [
    'redis',
    async () => {
      const prefix = testPrefix('contract');
      const store = await openRedisStore(prefix);
      return { store, cleanup: () => dropPrefix(prefix) };
    },
  ],
];

describe.each(makers)('RoomStore contract: %s', (_name, make) => {
  let store: RoomStore;
  let cleanup: () => Promise<void>;
  const pin = '424242';

  beforeEach(async () => {
    ({ store, cleanup } = await make());
    expect(await store.createRoom({ room: room(), questions: FIXTURE_QUIZ.questions })).toBe(true);
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  const openQuestion = async (index = 0) => {
    const current = (await store.getRoom(pin))!;
    expect(await store.updateRoom(pin, current, { ...current, phase: 'question', questionIndex: index, openedAt: 10, deadline: 20_010 })).toBe(true);
  };

  it('keeps a room and its questions, and refuses a second room on the same PIN', async () => {
    expect(await store.getRoom(pin)).toEqual(room());
    expect(await store.getQuestions(pin)).toEqual(FIXTURE_QUIZ.questions);
    expect(await store.createRoom({ room: room(pin, { createdAt: 2 }), questions: [] })).toBe(false);
    expect((await store.getRoom(pin))?.createdAt).toBe(1);
    expect(await store.getRoom('000000')).toBeNull();
    expect(await store.livePins()).toEqual([pin]);
  });

  it('moves a room once: a compare-and-set on phase and question', async () => {
    const lobby = (await store.getRoom(pin))!;
    const moved = { ...lobby, phase: 'question' as const, questionIndex: 0, openedAt: 5, deadline: 99 };
    const raced = await Promise.all([store.updateRoom(pin, lobby, moved), store.updateRoom(pin, lobby, moved)]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await store.getRoom(pin)).toMatchObject({ phase: 'question', questionIndex: 0, openedAt: 5, deadline: 99 });
    expect(await store.updateRoom(pin, lobby, { ...lobby, phase: 'ended' })).toBe(false);
  });

  it('keeps the lock apart from transitions', async () => {
    await store.setLocked(pin, true);
    const current = (await store.getRoom(pin))!;
    await store.updateRoom(pin, current, { ...current, locked: false, phase: 'question', questionIndex: 0 });
    expect((await store.getRoom(pin))?.locked).toBe(true);
  });

  it('adds players atomically: unique nickname keys and a hard limit, each counted as connected', async () => {
    const results = await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => store.addPlayer(pin, player(id), `nick-${id}`, 3)));
    expect(results.filter((r) => r.status === 'ok').map((r) => (r as { count: number }).count).sort()).toEqual([1, 2, 3]);
    expect(results.filter((r) => r.status === 'room_full')).toHaveLength(2);
    expect(await store.playerCount(pin)).toBe(3);
    const okId = ['a1', 'a2', 'a3', 'a4', 'a5'][results.findIndex((r) => r.status === 'ok')]!;
    expect(await store.addPlayer(pin, player('b1'), `nick-${okId}`, 10)).toEqual({ status: 'nickname_taken' });
    expect(await store.addPlayer('999999', player('c1'), 'c', 10)).toEqual({ status: 'not_found' });
    expect(await store.playerIdByTokenHash(pin, `hash-${okId}`)).toBe(okId);
    expect(await store.getPlayer(pin, okId)).toEqual(player(okId));
    expect(await store.connectedCount(pin)).toBe(3);
  });

  it('takes joins that come together one by one, in the order they came, each with its own outcome', async () => {
    await store.addPlayer(pin, player('a1', 'Ana'), 'ana', 3);
    const other = '515151';
    await store.createRoom({ room: room(other), questions: [] });
    const lobby = (await store.getRoom(pin))!;
    const outcomes = await Promise.all([
      store.addPlayer(pin, player('a2', 'ANA'), 'ana', 3),
      store.addPlayer(pin, player('a3', 'Bo'), 'bo', 3),
      store.addPlayer(other, player('b1', 'Bo'), 'bo', 3),
      store.addPlayer(pin, player('a4', 'bo'), 'bo', 3),
      store.addPlayer(pin, player('a5', 'Cy'), 'cy', 3),
      store.addPlayer(pin, player('a6', 'Di'), 'di', 3),
      store.addPlayer('999999', player('c1', 'Ed'), 'ed', 3),
    ]);
    expect(outcomes).toEqual([
      { status: 'nickname_taken' },
      { status: 'ok', count: 2, room: lobby },
      { status: 'ok', count: 1, room: (await store.getRoom(other))! },
      { status: 'nickname_taken' },
      { status: 'ok', count: 3, room: lobby },
      { status: 'room_full' },
      { status: 'not_found' },
    ]);
    expect((await store.listPlayers(pin)).map((p) => p.nickname)).toEqual(['Ana', 'Bo', 'Cy']);
    await store.setLocked(other, true);
    const locked = await Promise.all([store.addPlayer(other, player('b2'), 'b2', 3), store.addPlayer(other, player('b3'), 'b3', 3)]);
    expect(locked).toEqual([{ status: 'room_locked' }, { status: 'room_locked' }]);
  });

  it('hands back the room as it stood when the player was added', async () => {
    const lobby = (await store.getRoom(pin))!;
    const open = { ...lobby, phase: 'question' as const, questionIndex: 1, openedAt: 5000, deadline: 25_000 };
    await store.updateRoom(pin, lobby, open);
    expect(await store.addPlayer(pin, player('a1'), 'a1', 10)).toEqual({ status: 'ok', count: 1, room: open });
  });

  it('refuses joins to a locked or finished room in the same step', async () => {
    await store.setLocked(pin, true);
    expect(await store.addPlayer(pin, player('a1'), 'a1', 10)).toEqual({ status: 'room_locked' });
    await store.setLocked(pin, false);
    const lobby = (await store.getRoom(pin))!;
    await store.updateRoom(pin, lobby, { ...lobby, phase: 'podium', questionIndex: 2 });
    expect(await store.addPlayer(pin, player('a1'), 'a1', 10)).toEqual({ status: 'finished' });
    expect(await store.playerCount(pin)).toBe(0);
  });

  it('records one answer per player, adds its points and streak in the same step', async () => {
    await store.addPlayer(pin, player('a1'), 'a1', 10);
    await store.addPlayer(pin, player('a2'), 'a2', 10);
    await store.setConnected(pin, 'a1', true);
    await store.setConnected(pin, 'a2', true);
    expect(await status(store.recordAnswer(pin, 0, answer('a1', 900)))).toBe('closed');
    await openQuestion(0);
    const raced = await Promise.all([store.recordAnswer(pin, 0, answer('a1', 900)), store.recordAnswer(pin, 0, answer('a1', 700))]);
    expect(raced.map((o) => o.status).sort()).toEqual(['already_answered', 'ok']);
    const counted = raced.find((o) => o.status === 'ok')!;
    expect(counted).toMatchObject({ streak: 1, answered: 1, connected: 2 });
    expect(await status(store.recordAnswer(pin, 1, answer('a2', 500)))).toBe('closed');
    expect(await store.answerCount(pin, 0)).toBe(1);
    const kept = (await store.getAnswer(pin, 0, 'a1'))!;
    expect(kept).toEqual({ playerId: 'a1', answer: 1, correct: true, responseMs: 800, points: (counted as { points: number }).points, streak: 1 });
    expect([900, 700]).toContain(kept.points);
    expect((await store.standing(pin, 'a1')).score).toBe(kept.points);
    expect((await store.getPlayer(pin, 'a1'))?.streak).toBe(1);
    expect(await store.getAnswers(pin, 0)).toEqual([kept]);
    expect(await store.getAnswer(pin, 0, 'a2')).toBeNull();
    expect(await store.recordAnswer(pin, 0, answer('a2', 0))).toEqual({ status: 'ok', points: 0, streak: 0, answered: 2, connected: 2 });
  });

  it('takes answers that come together one by one, in the order they came, each with its own outcome', async () => {
    for (const id of ['a1', 'a2', 'a3']) await store.addPlayer(pin, player(id), id, 10);
    await store.kickPlayer(pin, 'a3', 'a3');
    await openQuestion(0);
    const outcomes = await Promise.all([
      store.recordAnswer(pin, 0, answer('a1', 900)),
      store.recordAnswer(pin, 0, answer('a3', 900)),
      store.recordAnswer(pin, 0, answer('a1', 500)),
      store.recordAnswer(pin, 0, answer('a2', 0)),
      store.recordAnswer(pin, 1, answer('a2', 700)),
    ]);
    expect(outcomes).toEqual([
      { status: 'ok', points: 900, streak: 1, answered: 1, connected: 2 },
      { status: 'not_playing' },
      { status: 'already_answered' },
      { status: 'ok', points: 0, streak: 0, answered: 2, connected: 2 },
      { status: 'closed' },
    ]);
    expect((await store.scores(pin)).map((s) => [s.playerId, s.score])).toEqual([['a1', 900], ['a2', 0]]);
  });

  it('scores an answer from its ladder by the streak the store holds, the last step holding for longer streaks', async () => {
    await store.addPlayer(pin, player('a1'), 'a1', 10);
    const play = async (index: number, points: number) => {
      const current = (await store.getRoom(pin))!;
      await store.updateRoom(pin, current, { ...current, phase: 'question', questionIndex: index });
      return store.recordAnswer(pin, index, answer('a1', points));
    };
    expect(await play(0, 500)).toMatchObject({ points: 500, streak: 1 });
    expect(await play(1, 600)).toMatchObject({ points: 700, streak: 2 });
    expect(await play(2, 500)).toMatchObject({ points: 700, streak: 3 });
    expect(await play(3, 400)).toMatchObject({ points: 600, streak: 4 });
    expect(await play(4, 0)).toMatchObject({ points: 0, streak: 0 });
    expect(await play(5, 300)).toMatchObject({ points: 300, streak: 1 });
    expect(await store.standing(pin, 'a1')).toEqual({ score: 2800, rank: 1 });
    // A correct answer that comes with an empty ladder scores nothing, the same on both stores, and still extends the streak.
    const current = (await store.getRoom(pin))!;
    await store.updateRoom(pin, current, { ...current, phase: 'question', questionIndex: 6 });
    expect(await store.recordAnswer(pin, 6, { ...answer('a1', 100), ladder: [] })).toMatchObject({ points: 0, streak: 2 });
    expect((await store.getAnswer(pin, 2, 'a1'))?.streak).toBe(3);
  });

  it('ranks the leaderboard from the sorted scores', async () => {
    for (const id of ['a1', 'a2', 'a3']) await store.addPlayer(pin, player(id), id, 10);
    await openQuestion(0);
    await store.recordAnswer(pin, 0, answer('a1', 500));
    await store.recordAnswer(pin, 0, answer('a2', 900));
    await store.recordAnswer(pin, 0, answer('a3', 500));
    expect((await store.scores(pin)).map((s) => s.score)).toEqual([900, 500, 500]);
    expect(await store.standing(pin, 'a2')).toEqual({ score: 900, rank: 1 });
    expect(await store.standing(pin, 'a3')).toEqual({ score: 500, rank: 2 });
  });

  it('kicks: off the board, out of the connected set, nickname free, answers refused', async () => {
    await store.addPlayer(pin, player('a1', 'Ana'), 'ana', 10);
    await store.setConnected(pin, 'a1', true);
    expect(await store.connectedCount(pin)).toBe(1);
    await store.kickPlayer(pin, 'a1', 'ana');
    expect((await store.getPlayer(pin, 'a1'))?.kicked).toBe(true);
    expect(await store.connectedCount(pin)).toBe(0);
    expect(await store.scores(pin)).toEqual([]);
    await store.setConnected(pin, 'a1', true);
    expect(await store.connectedIds(pin)).toEqual([]);
    await openQuestion(0);
    expect(await status(store.recordAnswer(pin, 0, answer('a1', 900)))).toBe('not_playing');
    expect(await store.addPlayer(pin, player('a2', 'ANA'), 'ana', 10)).toMatchObject({ status: 'ok' });
    expect((await store.listPlayers(pin)).map((p) => [p.id, p.kicked])).toEqual([['a1', true], ['a2', false]]);
  });

  it('tracks connected players and resets streaks', async () => {
    await store.addPlayer(pin, player('a1'), 'a1', 10);
    await store.addPlayer(pin, player('a2'), 'a2', 10);
    await store.setConnected(pin, 'a1', true);
    await store.setConnected(pin, 'a2', true);
    await store.setConnected(pin, 'a2', false);
    expect(await store.connectedIds(pin)).toEqual(['a1']);
    await openQuestion(0);
    await store.recordAnswer(pin, 0, answer('a1', 900));
    expect((await store.getPlayer(pin, 'a1'))?.streak).toBe(1);
    await store.resetStreaks(pin, ['a1']);
    expect((await store.getPlayer(pin, 'a1'))?.streak).toBe(0);
  });

  it('tells how chosen players are now: nickname, connected, kicked, in the order asked, unknown ids left out', async () => {
    await store.addPlayer(pin, player('a1', 'Ana'), 'ana', 10);
    await store.addPlayer(pin, player('a2', 'Bo'), 'bo', 10);
    await store.addPlayer(pin, player('a3', 'Cy'), 'cy', 10);
    await store.setConnected(pin, 'a2', false);
    await store.kickPlayer(pin, 'a3', 'cy');
    expect(await store.presence(pin, ['a3', 'ff', 'a2', 'a1'])).toEqual([
      { id: 'a3', nickname: 'Cy', connected: false, kicked: true },
      { id: 'a2', nickname: 'Bo', connected: false, kicked: false },
      { id: 'a1', nickname: 'Ana', connected: true, kicked: false },
    ]);
    expect(await store.presence(pin, [])).toEqual([]);
    expect(await store.presence('999999', ['a1'])).toEqual([]);
  });

  it("gives chosen players' nicknames by id, unknown ids left out", async () => {
    await store.addPlayer(pin, player('a1', 'Ana'), 'ana', 10);
    await store.addPlayer(pin, player('a2', 'Bo'), 'bo', 10);
    expect(await store.nicknames(pin, ['a2', 'ff', 'a1'])).toEqual(new Map([['a2', 'Bo'], ['a1', 'Ana']]));
    expect(await store.nicknames(pin, [])).toEqual(new Map());
    expect(await store.nicknames('999999', ['a1'])).toEqual(new Map());
  });

  it('saves each player result of a question', async () => {
    const result = { index: 0, answered: true, correct: true, points: 900, score: 900, rank: 1, streak: 1 };
    await store.saveResults(pin, 0, new Map([['a1', result]]));
    expect(await store.getResult(pin, 0, 'a1')).toEqual(result);
    expect(await store.getResult(pin, 0, 'a2')).toBeNull();
  });

  it('keeps its own records: changing what went in or came out changes nothing kept, nested parts included', async () => {
    const given = player('a1', 'Ana');
    await store.addPlayer(pin, given, 'ana', 10);
    given.nickname = 'changed';
    const read = (await store.getPlayer(pin, 'a1'))!;
    read.kicked = true;
    (await store.listPlayers(pin))[0]!.streak = 9;
    expect(await store.getPlayer(pin, 'a1')).toEqual(player('a1', 'Ana'));

    const lobby = (await store.getRoom(pin))!;
    lobby.settings.title = 'changed';
    lobby.phase = 'ended';
    expect(await store.getRoom(pin)).toEqual(room());

    await openQuestion();
    const multi = { ...answer('a1', 0), answer: [0, 2] };
    await store.recordAnswer(pin, 0, multi);
    multi.answer.push(3);
    (await store.getAnswer(pin, 0, 'a1'))!.answer = 1;
    ((await store.getAnswers(pin, 0))[0]!.answer as number[]).push(1);
    expect((await store.getAnswers(pin, 0)).map((a) => a.answer)).toEqual([[0, 2]]);

    const result = { index: 0, answered: true, correct: true, points: 900, score: 900, rank: 1, streak: 1 };
    await store.saveResults(pin, 0, new Map([['a1', result]]));
    result.score = 0;
    (await store.getResult(pin, 0, 'a1'))!.rank = 5;
    expect(await store.getResult(pin, 0, 'a1')).toMatchObject({ score: 900, rank: 1 });
  });
  it('gives a room clock lease to one owner at a time', async () => {
    const raced = await Promise.all(['p1', 'p2', 'p3'].map((owner) => store.claimLease(pin, owner, 5_000, false)));
    expect(raced.filter(Boolean)).toHaveLength(1);
    const winner = ['p1', 'p2', 'p3'][raced.indexOf(true)]!;
    const loser = winner === 'p1' ? 'p2' : 'p1';
    expect(await store.renewLeases([pin], winner, 5_000)).toEqual([]);
    expect(await store.renewLeases([pin], loser, 5_000)).toEqual([pin]);
    expect(await store.claimLease(pin, loser, 5_000, true)).toBe(true);
    expect(await store.renewLeases([pin], winner, 5_000)).toEqual([pin]);
    await store.releaseLease(pin, winner);
    expect(await store.claimLease(pin, winner, 5_000, false)).toBe(false);
    await store.releaseLease(pin, loser);
    expect(await store.claimLease(pin, winner, 50, false)).toBe(true);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.claimLease(pin, loser, 5_000, false)).toBe(true);
  });

  it('remembers when each room last had a host, from its creation on, and never brings back a room that is gone', async () => {
    expect(await store.hostsSeenAt([pin, '000000'])).toEqual([1, null]);
    await store.touchHosts([pin, '000000'], 5_000);
    expect(await store.hostsSeenAt([pin, '000000'])).toEqual([5_000, null]);
    expect(await store.getRoom('000000')).toBeNull();
  });

  it('keeps an ended room\'s reason and early end', async () => {
    const ended = { ...room(), phase: 'ended' as const, closedAs: 'host_left' as const, endedEarly: true };
    expect(await store.updateRoom(pin, room(), ended)).toBe(true);
    expect(await store.getRoom(pin)).toMatchObject({ phase: 'ended', closedAs: 'host_left', endedEarly: true });
  });

  it('renews no lease on a room that has ended or is not there', async () => {
    expect(await store.claimLease(pin, 'p1', 5_000, false)).toBe(true);
    expect(await store.claimLease('000000', 'p1', 5_000, false)).toBe(true);
    expect(await store.renewLeases([pin, '000000'], 'p1', 5_000)).toEqual(['000000']);
    expect(await store.updateRoom(pin, room(), { ...room(), phase: 'ended', closedAs: 'ended_by_host' })).toBe(true);
    expect(await store.renewLeases([pin], 'p1', 5_000)).toEqual([pin]);
  });

  it('expires a finished room: no longer live, gone after its time', async () => {
    await store.expireRoom(pin, 1);
    expect(await store.livePins()).toEqual([]);
    expect(await store.getRoom(pin)).not.toBeNull();
    await store.touchHosts([pin], 9_000);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(await store.getRoom(pin)).toBeNull();
    // Its host's mark expires with it, touched or not.
    expect(await store.hostsSeenAt([pin])).toEqual([null]);
  });
});
