import type { Answer, RoomOptions } from '../../shared/client-events.js';
import type { Question } from '../../shared/quiz.js';
import type { CloseReason, Phase } from '../../shared/server-events.js';

export type RoomSettingsRecord = Pick<RoomOptions, 'pointsMode' | 'autoAdvanceSec' | 'maxPlayers' | 'nicknameMode'> & {
  quizId: string;
  title: string;
  /** The signed-in host's account; absent for a room created in open mode without one. */
  ownerId?: string;
  /** The host quiz's version when the room was created; absent for a built-in quiz. */
  quizVersion?: number;
  /** Carried by the QR link: a phone with it is not held back by its network's wrong-PIN limit. */
  joinKey?: string;
  /** A 2-step room's shape sequence; never sent to players. */
  joinShapes?: number[];
};

/** The room's mutable state: small, read on every answer. */
export interface RoomRecord {
  pin: string;
  hostTokenHash: string;
  settings: RoomSettingsRecord;
  total: number;
  phase: Phase;
  /** -1 in the lobby; afterwards the question being played or last played. */
  questionIndex: number;
  openedAt: number;
  deadline: number;
  /** When an auto-advancing reveal or leaderboard moves on by itself; 0 when the host drives. */
  advanceAt: number;
  locked: boolean;
  createdAt: number;
  /** Once ended: why the room closed. */
  closedAs?: CloseReason;
  /** Once ended: it closed before its podium, so its report holds only the questions played. */
  endedEarly?: boolean;
}

export interface PlayerRecord {
  id: string;
  nickname: string;
  tokenHash: string;
  joinedAt: number;
  streak: number;
  kicked: boolean;
}

export interface AnswerRecord {
  playerId: string;
  answer: Answer;
  correct: boolean;
  points: number;
  responseMs: number;
  /** The player's streak once this answer counted. */
  streak: number;
}

/** An answer as the service judged it. The store applies the streak, so the points come as a ladder (see `pointsByStreak`). */
export interface AnswerInput {
  playerId: string;
  answer: Answer;
  correct: boolean;
  responseMs: number;
  /** Points by the streak the answer makes; empty for a wrong answer. */
  ladder: readonly number[];
}

/**
 * What recording an answer did. A counted answer comes back with the question's answer count and the
 * connected count, so the service can tell whether that was the last one without asking again.
 */
export type AnswerOutcome =
  | { status: 'ok'; points: number; streak: number; answered: number; connected: number }
  | { status: 'already_answered' | 'closed' | 'not_playing' };

export interface NewRoom {
  room: RoomRecord;
  /** Immutable once the room exists, so processes may cache them. */
  questions: Question[];
}

export type RoomPosition = Pick<RoomRecord, 'phase' | 'questionIndex'>;
