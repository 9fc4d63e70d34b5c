/** What the orchestrator and its loader processes tell each other over the fork IPC channel. */

/**
 * The server under test speaks quizroom's protocol; the baseline speaks the same event names with no game logic.
 * `baseline-redis` is that floor with one Redis write awaited before each join's and each answer's ack.
 */
export type Target = 'baseline' | 'baseline-redis' | 'memory' | 'redis';
export const isFloor = (t: Target) => t === 'baseline' || t === 'baseline-redis';
export const usesRedis = (t: Target) => t === 'redis' || t === 'baseline-redis';

export interface Seat {
  pin: string;
  nickname: string;
}

export interface LoaderPlan {
  url: string;
  seats: Seat[];
  /** Everyone answers within 200 ms instead of spread like a class. */
  burst: boolean;
  /** Open the socket as part of the join (a join storm) rather than beforehand. */
  connectAtJoin: boolean;
}

export type ToLoader =
  | { type: 'start'; plan: LoaderPlan }
  | { type: 'join'; spreadMs: number }
  | { type: 'report' }
  | { type: 'close' };

/** Raw samples, so percentiles are taken over every client of every loader at once. */
export interface LoaderSamples {
  connectMs: number[];
  joinMs: number[];
  joinFirstEmitAt: number | null;
  joinLastAckAt: number | null;
  joined: number;
  fanoutMs: number[];
  answerAckMs: number[];
  answersOk: number;
  /** Per `pin:questionIndex`: when the last answer was sent, and when each player's result arrived. */
  lastAnswerAt: Record<string, number>;
  resultsAt: Record<string, number[]>;
  opens: number;
  gameOvers: number;
  disconnects: number;
  /** Failed acks and connection errors, by `event:code`. */
  errors: Record<string, number>;
  loopDelayP99Ms: number;
}

export type FromLoader =
  | { type: 'ready'; connected: number }
  /** Players that joined, per room PIN. */
  | { type: 'joined'; perPin: Record<string, number> }
  /** Every seat this loader holds in a room got the event named by the key. */
  | { type: 'complete'; key: string; count: number }
  | { type: 'report'; samples: LoaderSamples }
  | { type: 'fatal'; message: string };

export const resultKey = (pin: string, index: number) => `result:${pin}:${index}`;
export const overKey = (pin: string) => `over:${pin}`;
export const questionKey = (pin: string, index: number) => `${pin}:${index}`;
