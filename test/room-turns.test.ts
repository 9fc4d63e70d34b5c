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

  it('gives turns in the order asked', async () => {
    const turns = new RoomTurns();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => turns.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('lets the loop read its sockets between two rooms', async () => {
    const turns = new RoomTurns();
    const seen: string[] = [];
    receiver.on('data', () => seen.push('socket read'));
    const first = turns.take().then(() => {
      seen.push('first room');
      // Like an answer arriving while the first room is being revealed.
      sender.write('x');
    });
    const second = turns.take().then(() => seen.push('second room'));
    await Promise.all([first, second]);
    expect(seen).toEqual(['first room', 'socket read', 'second room']);
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
      hostedHere: () => [],
    };
    const service = new RoomService({ store: new MemoryStore(), resolveQuiz: quizResolver(fixtureCatalog()), outbox, logger: pino({ level: 'silent' }) });
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
