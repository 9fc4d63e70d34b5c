import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../server/net/rate-limits.js';
import { connectClient, emitAck, must, next, type TestSocket } from './support/clients.js';
import { FIXTURE_ANSWERS } from './support/fixture-quiz.js';
import { answer, hostRoom } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

const SEATS_PER_ADDRESS = 3;

describe.each(STORE_KINDS)('one socket, one seat, on the %s store', (kind) => {
  let server: TestServer;
  const sockets: TestSocket[] = [];
  const client = async () => {
    const socket = await connectClient(server.url);
    sockets.push(socket);
    return socket;
  };
  beforeAll(async () => {
    server = await startTestServer(kind, { config: { limits: { ...DEFAULT_LIMITS, eventsPerSocketPerSec: 100, seatsPerIpPerRoom: SEATS_PER_ADDRESS } } });
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => server?.stop());

  it('60 joins sent at once on one socket seat one player; a later join is refused too', async () => {
    const { host, pin } = await hostRoom(server.url);
    sockets.push(host);
    const phone = await client();
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => emitAck(phone, 'player:join', { pin, nickname: `Ghost ${i}` })));
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.filter((r) => !r.ok && r.error.code === 'already_joined')).toHaveLength(59);
    expect(await emitAck(phone, 'player:join', { pin, nickname: 'Once more' })).toMatchObject({ ok: false, error: { code: 'already_joined' } });
    expect(await server.store.playerCount(pin)).toBe(1);
    expect(await server.store.connectedCount(pin)).toBe(1);
  });

  it('a question closes as soon as the seated players answer, whatever a socket sent twice', async () => {
    const { host, pin } = await hostRoom(server.url, { timeLimitSec: 60 });
    sockets.push(host);
    const twice = await client();
    const other = await client();
    await must(twice, 'player:join', { pin, nickname: 'Twice' });
    await emitAck(twice, 'player:join', { pin, nickname: 'Twice again' });
    await must(other, 'player:join', { pin, nickname: 'Other' });
    const opened = next(twice, 'question:open', (o) => o.index === 0);
    await must(host, 'host:start', {});
    const open = await opened;
    const reveal = next(host, 'question:reveal', (r) => r.index === 0);
    await answer(twice, 0, FIXTURE_ANSWERS[0] as never);
    await answer(other, 0, FIXTURE_ANSWERS[0] as never);
    // Closed by the last answer, a minute before its deadline: nobody else was waited for.
    expect((await reveal).answered).toBe(2);
    expect(Date.now()).toBeLessThan(open.deadline);
  });

  it('a rejoin that moves a socket to another seat stops counting the seat it left', async () => {
    const { host, pin } = await hostRoom(server.url);
    sockets.push(host);
    const phone = await client();
    const left = await must(phone, 'player:join', { pin, nickname: 'Left behind' });
    const taken = await must(await client(), 'player:join', { pin, nickname: 'Taken over' });
    await must(phone, 'player:rejoin', { pin, playerToken: taken.playerToken });
    expect(await server.store.connectedIds(pin)).toEqual([taken.playerId]);
    expect(await server.store.connectedIds(pin)).not.toContain(left.playerId);
  });

  it('a join to another room (the next game) moves the socket there and gives up its old seat', async () => {
    const first = await hostRoom(server.url);
    const second = await hostRoom(server.url);
    sockets.push(first.host, second.host);
    const phone = await client();
    await must(phone, 'player:join', { pin: first.pin, nickname: 'Mover' });
    const moved = await must(phone, 'player:join', { pin: second.pin, nickname: 'Mover' });
    expect(await server.store.connectedIds(first.pin)).toEqual([]);
    expect(await server.store.connectedIds(second.pin)).toEqual([moved.playerId]);
  });

  it(`seats at most ${SEATS_PER_ADDRESS} players from one address in a room; refused joins spend no seat`, async () => {
    const { host, pin } = await hostRoom(server.url);
    sockets.push(host);
    await must(await client(), 'player:join', { pin, nickname: 'Seat 1' });
    expect(await emitAck(await client(), 'player:join', { pin, nickname: 'seat 1' })).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    for (const nickname of ['Seat 2', 'Seat 3']) await must(await client(), 'player:join', { pin, nickname });
    expect(await emitAck(await client(), 'player:join', { pin, nickname: 'Seat 4' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await server.store.playerCount(pin)).toBe(SEATS_PER_ADDRESS);

    const elsewhere = await hostRoom(server.url);
    sockets.push(elsewhere.host);
    await must(await client(), 'player:join', { pin: elsewhere.pin, nickname: 'Seat 4' });
  });
});
