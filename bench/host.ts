import { MAX_PLAYERS } from '../shared/client-events.js';
import type { ServerEventName, ServerPayload } from '../shared/server-events.js';
import { hostCookie } from './accounts.js';
import { connected, must, openSocket, type BenchSocket } from './client.js';
import { clock } from './clock.js';
import type { LoaderPool } from './loader-pool.js';
import { overKey, resultKey } from './messages.js';
import type { Scenario } from './scenarios.js';

/** How long the host waits for every player's result or game:over before moving on and counting the gap. */
const DELIVERY_WAIT_MS = 10_000;

export interface QuestionTimeline {
  index: number;
  /** The server's own timestamp of the open, from question:open. */
  openedAt: number;
  /** When question:reveal reached the host. */
  revealAt: number;
  everyResult: boolean;
}

export interface RoomRun {
  pin: string;
  players: number;
  questions: QuestionTimeline[];
  everyGameOver: boolean;
  error?: string;
}

export interface HostedRoom {
  host: BenchSocket;
  pin: string;
}

/** Distinct loopback source addresses for hosts: 127.0.0.2 to 127.0.0.201. */
const HOST_ADDRESSES = 200;

/**
 * A host socket and its room: the module quiz, shuffled so question types vary, with the scenario's limits.
 * Each host connects from its own loopback address, as teachers come from their own schools: the server's
 * per-IP room limit (60 per 10 minutes) is a defence against one client, not a cap on a busy server. On a
 * server that wants accounts, each host signs up first (the baseline has none).
 */
export async function createRoom(url: string, quizroom: boolean, scenario: Scenario, room: number): Promise<HostedRoom> {
  const localAddress = `127.0.0.${2 + (room % HOST_ADDRESSES)}`;
  const cookie = quizroom ? await hostCookie(url, localAddress) : undefined;
  const host = openSocket(url, { localAddress, cookie });
  await connected(host);
  const { pin } = await must(host, 'host:create', {
    quizId: 'module-16',
    questionCount: scenario.questions,
    timeLimitSec: scenario.timeLimitSec,
    shuffleQuestions: true,
    maxPlayers: MAX_PLAYERS,
  });
  return { host, pin };
}

/** The next matching event and the moment it arrived, read in the listener so a busy loop cannot inflate it. */
function arrival<E extends ServerEventName>(socket: BenchSocket, event: E, match: (p: ServerPayload<E>) => boolean, timeoutMs: number) {
  type On = (event: string, listener: (payload: ServerPayload<E>) => void) => void;
  return new Promise<{ payload: ServerPayload<E>; at: number }>((resolve, reject) => {
    const listener = (payload: ServerPayload<E>) => {
      const at = clock();
      if (!match(payload)) return;
      clearTimeout(timer);
      (socket.off as unknown as On)(event, listener);
      resolve({ payload, at });
    };
    const timer = setTimeout(() => {
      (socket.off as unknown as On)(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    (socket.on as unknown as On)(event, listener);
  });
}

/**
 * Plays a room as its host: start, wait for each reveal and every player's result, leaderboard, next question,
 * podium. The host moves on at once, so the run measures the server rather than a teacher's pauses.
 */
export async function playRoom({ host, pin }: HostedRoom, players: number, scenario: Scenario, pool: LoaderPool): Promise<RoomRun> {
  const run: RoomRun = { pin, players, questions: [], everyGameOver: false };
  const closeWaitMs = scenario.timeLimitSec * 1000 + 10_000;
  try {
    for (let q = 0; q < scenario.questions; q++) {
      const opened = arrival(host, 'question:open', (o) => o.index === q, DELIVERY_WAIT_MS);
      const revealed = arrival(host, 'question:reveal', (r) => r.index === q, closeWaitMs);
      await must(host, q === 0 ? 'host:start' : 'host:next', {});
      const open = await opened;
      const reveal = await revealed;
      const everyResult = await pool.completion(resultKey(pin, q), players, DELIVERY_WAIT_MS);
      run.questions.push({ index: q, openedAt: open.payload.openedAt, revealAt: reveal.at, everyResult });
      await must(host, 'host:next', {});
    }
    await must(host, 'host:next', {});
    run.everyGameOver = await pool.completion(overKey(pin), players, DELIVERY_WAIT_MS);
  } catch (err) {
    run.error = (err as Error).message;
  }
  return run;
}
