import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LobbyPlayer } from '../shared/server-events.js';
import { connectClient, must, next } from './support/clients.js';
import { hostLobby, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

const byId = (players: readonly LobbyPlayer[]) => [...players].sort((a, b) => a.id.localeCompare(b.id));

describe.each(STORE_KINDS)("the host's player list on the %s store", (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.stop());

  it('comes as changes only (joins, a drop, a return, a removal) that add up to what a fresh snapshot shows', async () => {
    const { host, pin, hostToken } = await hostRoom(server.url);
    const lobby = hostLobby(host);
    const players = await seatPlayers(server.url, pin, 3);
    await lobby.until((list) => list.length === 3);

    // Once the first three are listed, the next update carries the newcomer alone, not the whole room.
    const newcomerListed = next(host, 'lobby:update', (u) => u.players.some((p) => p.nickname === 'Late 01'));
    const [late] = await seatPlayers(server.url, pin, 1, 'Late');
    const update = await newcomerListed;
    expect(update.players).toEqual([{ id: late!.playerId, nickname: 'Late 01', connected: true }]);
    expect(update).toMatchObject({ removed: [], count: 4 });

    const [first, second] = players as [(typeof players)[0], (typeof players)[0]];
    first.socket.disconnect();
    await lobby.until((list) => list.some((p) => p.id === first.playerId && !p.connected));
    const back = await connectClient(server.url);
    await must(back, 'player:rejoin', { pin, playerToken: first.playerToken });
    await lobby.until((list) => list.some((p) => p.id === first.playerId && p.connected));

    const removal = next(host, 'lobby:update', (u) => u.removed.includes(second.playerId));
    await must(host, 'host:kick', { playerId: second.playerId });
    expect(await removal).toMatchObject({ players: [], removed: [second.playerId], count: 3 });
    expect(lobby.players.map((p) => p.id)).not.toContain(second.playerId);

    const screen = await connectClient(server.url);
    const snapshot = next(screen, 'room:state');
    await must(screen, 'host:attach', { pin, hostToken });
    const state = await snapshot;
    expect(state.role === 'host' && byId(state.players)).toEqual(byId(lobby.players));
    expect(lobby.players).toHaveLength(3);

    for (const s of [host, screen, back, ...players.slice(2).map((p) => p.socket), late!.socket]) s.disconnect();
  });
});
