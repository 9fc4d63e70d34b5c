import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSummary } from '../../shared/report.js';
import { RedisStore } from '../../server/store/redis-store.js';
import { must, next, type TestSocket } from '../support/clients.js';
import { FIXTURE_ANSWERS } from '../support/fixture-quiz.js';
import { answer, seatPlayers } from '../support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';
import { freshEmail, HostClient, success } from '../accounts/host-client.js';

/** Seconds a room may wait on an absent host here: short, so the test awaits the end rather than sleeping. */
const HOST_GONE_SEC = 1;

describe.each(STORE_KINDS)('rooms whose host is gone, on the %s store', (kind) => {
  let server: TestServer;
  let teacher: HostClient;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: false, hostGoneSec: HOST_GONE_SEC, leaseMs: 200, finishedTtlSec: 1 } });
    teacher = new HostClient(server.url);
    await teacher.signUp(freshEmail('gone'));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  async function hosted(options: Record<string, unknown> = {}) {
    const host = await teacher.socket();
    sockets.push(host);
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', shuffleQuestions: false, shuffleOptions: false, ...options });
    const [player] = await seatPlayers(server.url, pin, 1);
    sockets.push(player!.socket);
    return { host, pin, player: player! };
  }

  /** Every key of the room, in whichever store: none may outlive the room. */
  async function roomKeys(pin: string): Promise<string[]> {
    if (!(server.store instanceof RedisStore)) return (await server.store.getRoom(pin)) ? [pin] : [];
    return server.store.redis.keys(`${server.store.prefix}room:{${pin}}*`);
  }

  it('a room left at a reveal ends itself, keeps its report and expires, while a room with its host goes on', async () => {
    const kept = await hosted();
    const left = await hosted();
    await must(left.host, 'host:start', {});
    const revealed = next(left.host, 'question:reveal');
    await answer(left.player.socket, 0, FIXTURE_ANSWERS[0]);
    await revealed;

    const closed = next(left.player.socket, 'room:closed');
    const goneAt = Date.now();
    left.host.disconnect();
    expect(await closed).toEqual({ code: 'host_left', reason: 'The host left, so the game has closed.' });
    expect(Date.now() - goneAt).toBeGreaterThanOrEqual(HOST_GONE_SEC * 1000 - 250);

    await expect.poll(async () => success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports).toEqual([
      expect.objectContaining({ pin: left.pin, endedEarly: true, questionCount: 1 }),
    ]);
    // Every key goes (the clock lease too, no longer renewed), and the memory store forgets the room as well.
    await expect.poll(() => roomKeys(left.pin), { timeout: 5000 }).toEqual([]);
    // The room whose host stayed was gone for no time at all.
    expect(await server.store.getRoom(kept.pin)).toMatchObject({ phase: 'lobby' });
  });

  it('a room left at its podium ends itself too, its report the finished game\'s', async () => {
    const { host, pin, player } = await hosted({ questionCount: 1 });
    await must(host, 'host:start', {});
    const revealed = next(host, 'question:reveal');
    await answer(player.socket, 0, FIXTURE_ANSWERS[0]);
    await revealed;
    await must(host, 'host:next', {});
    const over = next(host, 'game:over');
    await must(host, 'host:next', {});
    await over;

    const closed = next(player.socket, 'room:closed');
    host.disconnect();
    expect((await closed).code).toBe('host_left');
    const reports = success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports;
    expect(reports.find((r) => r.pin === pin)).toMatchObject({ endedEarly: false, questionCount: 1 });
    await expect.poll(() => roomKeys(pin), { timeout: 5000 }).toEqual([]);
  });
});
