import type { Answer } from '../../shared/client-events.js';
import { applyLobbyUpdate, type LobbyPlayer, type LobbyUpdate } from '../../shared/server-events.js';
import { connectClient, must, next, type TestSocket } from './clients.js';

export interface Seated {
  socket: TestSocket;
  playerId: string;
  playerToken: string;
  nickname: string;
}

/** Room options for tests that answer by position: the quiz's own order of questions and options. */
export const UNSHUFFLED = { shuffleQuestions: false, shuffleOptions: false } as const;

/** A room of the fixture quiz, unshuffled unless the options say otherwise. */
export async function hostRoom(url: string, options: { quizId?: string } & Record<string, unknown> = {}) {
  const host = await connectClient(url);
  const { pin, hostToken } = await must(host, 'host:create', { quizId: 'fixture', ...UNSHUFFLED, ...options } as never);
  return { host, pin, hostToken };
}

/**
 * The host's player list as the host page keeps it, from a list it already has (none for a new room) and
 * every lobby update after it. `until` resolves with the list once it satisfies the predicate.
 */
export function hostLobby(host: TestSocket, initial: LobbyPlayer[] = []) {
  let players = initial;
  const updates: LobbyUpdate[] = [];
  const waiting = new Set<() => void>();
  host.on('lobby:update', (update) => {
    players = applyLobbyUpdate(players, update);
    updates.push(update);
    for (const check of [...waiting]) check();
  });
  return {
    get players() {
      return players;
    },
    updates,
    until(predicate: (players: LobbyPlayer[]) => boolean): Promise<LobbyPlayer[]> {
      return new Promise((resolve) => {
        const check = () => {
          if (!predicate(players)) return;
          waiting.delete(check);
          resolve(players);
        };
        waiting.add(check);
        check();
      });
    },
  };
}

export async function seatPlayers(url: string, pin: string, count: number, name = 'Player'): Promise<Seated[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const socket = await connectClient(url);
      const state = next(socket, 'room:state');
      const joined = await must(socket, 'player:join', { pin, nickname: `${name} ${String(i + 1).padStart(2, '0')}` });
      await state;
      return { socket, ...joined };
    }),
  );
}

export function answer(socket: TestSocket, questionIndex: number, value: Answer) {
  return must(socket, 'player:answer', { questionIndex, answer: value });
}

/** The scoring rule, written out independently of the server's code, to check its figures. */
export function expectedPoints(correct: boolean, responseMs: number, timeLimitMs: number, streak: number, multiplier = 1): number {
  if (!correct) return 0;
  const base = responseMs < 500 ? 1000 : Math.round(1000 * (1 - Math.min(responseMs, timeLimitMs) / timeLimitMs / 2));
  const bonus = streak >= 2 ? Math.min(500, 100 * (streak - 1)) : 0;
  return (base + bonus) * multiplier;
}
