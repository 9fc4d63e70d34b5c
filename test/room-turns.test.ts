import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEvents } from '../shared/client-events.js';
import { quizResolver } from '../server/quiz/library-resolver.js';
import type { Outbox } from '../server/room/outbox.js';
import { RoomService } from '../server/room/room-service.js';
import { RoomTurns } from '../server/room/room-turns.js';
import { MemoryStore } from '../server/store/memory-store.js';
import { FIXTURE_QUIZ, fixtureCatalog } from './support/fixture-quiz.js';

describe('RoomTurns', () => {
  let server: ReturnType<typeof createServer>;
  let sender: Socket;
  let receiver: Socket;
  beforeAll(async () => {
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'connection');
    sender = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await once(sender, 'connect');
    [receiver] = (await accepted) as [Socket];
  });
  afterAll(() => {
    sender?.destroy();
    receiver?.destroy();
    server?.close();
  });

  it('runs the work in the order asked and hands back what it returned', async () => {
    const turns = new RoomTurns();
    const order: number[] = [];
    const returned = await Promise.all([1, 2, 3, 4].map((n) => turns.run(() => (order.push(n), n * 10))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(returned).toEqual([10, 20, 30, 40]);
    await expect(turns.run(() => { throw new Error('room work failed'); })).rejects.toThrow('room work failed');
    expect(await turns.run(() => 'next')).toBe('next');
  });

  /** Two rooms' work, the first writing to the socket as an answer arriving meanwhile would; what came in order. */
  const twoRooms = async (turns: RoomTurns, firstTakesMs: number, clock: { ms: number }) => {
    const seen: string[] = [];
    const onData = () => seen.push('socket read');
    receiver.on('data', onData);
    await Promise.all([
      turns.run(() => {
        seen.push('first room');
        clock.ms += firstTakesMs;
        sender.write('x');
      }),
      turns.run(() => seen.push('second room')),
    ]);
    // The write of a turn that shared its loop turn is read after the second room.
    if (!seen.includes('socket read')) await once(receiver, 'data');
    receiver.off('data', onData);
    return seen;
  };

  it('runs rooms together while a turn is within its budget', async () => {
    const clock = { ms: 0 };
    const seen = await twoRooms(new RoomTurns(4, () => clock.ms), 3, clock);
    expect(seen.slice(0, 2)).toEqual(['first room', 'second room']);
  });

  it('lets the loop read its sockets once a turn has used its budget', async () => {
    const clock = { ms: 0 };
    expect(await twoRooms(new RoomTurns(4, () => clock.ms), 4, clock)).toEqual(['first room', 'socket read', 'second room']);
  });

  it('are what the room service reveals in: two rooms closing together, a socket read between their reveals', async () => {
    const seen: string[] = [];
    const noted = (event: string) => {
      if (event !== 'question:reveal') return;
      if (!seen.includes('reveal')) sender.write('x');
      seen.push('reveal');
    };
    const outbox: Outbox = {
      toRoom: (_pin, event) => noted(event),
      toHosts: () => {},
      toPlayer: () => {},
      toHostsCounter: () => {},
      disconnectPlayer: () => {},
      connectedPlayerIds: async () => [],
    };
    // A budget of 0: every room's work is a turn of its own, however small.
    const service = new RoomService({ store: new MemoryStore(), resolveQuiz: quizResolver(fixtureCatalog()), outbox, logger: pino({ level: 'silent' }), turnBudgetMs: 0 });
    const options = clientEvents['host:create'].payload.parse({ quizId: FIXTURE_QUIZ.id });
    const pins = await Promise.all([0, 1].map(async () => (await service.createRoom(options)).pin));
    for (const pin of pins) {
      await service.join(pin, 'Ana');
      await service.start(pin);
    }
    receiver.removeAllListeners('data');
    receiver.on('data', () => seen.push('socket read'));
    // Both hosts close their question at once; without turns both reveals would run before the socket is read.
    await Promise.all(pins.map((pin) => service.next(pin)));
    await service.stop();
    expect(seen).toEqual(['reveal', 'socket read', 'reveal']);
  });
});
