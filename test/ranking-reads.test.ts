import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlayerRecord } from '../server/game/records.js';
import { MemoryStore } from '../server/store/memory-store.js';
import { must, next, type TestSocket } from './support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_WRONG } from './support/fixture-quiz.js';
import { answer, hostRoom, seatPlayers, type Seated } from './support/game.js';
import { startTestServer, type TestServer } from './support/server.js';

/** The real memory store, noting which player records the server reads. */
class NotingStore extends MemoryStore {
  readonly nicknameReads: string[] = [];
  fullListReads = 0;

  override async nicknames(pin: string, playerIds: readonly string[]): Promise<Map<string, string>> {
    this.nicknameReads.push(...playerIds);
    return super.nicknames(pin, playerIds);
  }

  override async listPlayers(pin: string): Promise<PlayerRecord[]> {
    this.fullListReads++;
    return super.listPlayers(pin);
  }
}

describe('ranking a room', () => {
  let server: TestServer;
  const store = new NotingStore();
  beforeAll(async () => {
    server = await startTestServer('memory', { store });
  });
  afterAll(async () => server?.stop());

  /** Answers question `q` (right for `right`, wrong for the rest) and returns the leaderboard that follows the reveal. */
  const playQuestion = async (host: TestSocket, players: Seated[], q: number, right: Set<Seated>) => {
    const results = Promise.all(players.map((p) => next(p.socket, 'player:result', (r) => r.index === q)));
    await Promise.all(players.map((p) => answer(p.socket, q, (right.has(p) ? FIXTURE_ANSWERS[q] : FIXTURE_WRONG[q]) as never)));
    await results;
    const board = next(host, 'leaderboard:show');
    await must(host, 'host:next', {});
    return (await board).top;
  };

  it("reads each player's nickname once, a latecomer's at the first ranking after they join, and never the whole list", async () => {
    const { host, pin } = await hostRoom(server.url);
    const early = await seatPlayers(server.url, pin, 2, 'Early');
    const opened = Promise.all(early.map((p) => next(p.socket, 'question:open', (o) => o.index === 0)));
    await must(host, 'host:start', {});
    await opened;
    const listsBefore = store.fullListReads;

    const first = await playQuestion(host, early, 0, new Set([early[0]!]));
    expect(first.map((s) => [s.playerId, s.nickname])).toEqual([
      [early[0]!.playerId, 'Early 01'],
      [early[1]!.playerId, 'Early 02'],
    ]);

    const [late] = await seatPlayers(server.url, pin, 1, 'Late');
    const everyone = [...early, late!];
    const reopened = Promise.all(everyone.map((p) => next(p.socket, 'question:open', (o) => o.index === 1)));
    await must(host, 'host:next', {});
    await reopened;
    const second = await playQuestion(host, everyone, 1, new Set([late!]));
    expect(second.find((s) => s.playerId === late!.playerId)?.nickname).toBe('Late 01');
    expect(second.find((s) => s.playerId === early[1]!.playerId)?.nickname).toBe('Early 02');

    const ids = everyone.map((p) => p.playerId);
    expect([...store.nicknameReads].sort()).toEqual([...ids].sort());
    expect(store.fullListReads).toBe(listsBefore);
    for (const s of [host, ...everyone.map((p) => p.socket)]) s.disconnect();
  });
});
