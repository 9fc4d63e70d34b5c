import type { Question } from '../../shared/quiz.js';
import type { PlayerResult } from '../../shared/server-events.js';
import type { AnswerInput, AnswerOutcome, AnswerRecord, NewRoom, PlayerRecord, RoomPosition, RoomRecord } from '../game/records.js';

/**
 * A join's outcome; `count` is the number of players in the game once this one is in, `room` the room as it
 * stood at that moment, so the new player's first snapshot needs no read of its own.
 */
export type AddPlayerResult =
  | { status: 'ok'; count: number; room: RoomRecord }
  | { status: 'nickname_taken' | 'room_full' | 'not_found' | 'room_locked' | 'finished' };

/** A player as the host's list shows them, and whether the host removed them. */
export interface PlayerPresence {
  id: string;
  nickname: string;
  connected: boolean;
  kicked: boolean;
}

export interface ScoreRow {
  playerId: string;
  score: number;
}

/**
 * Where rooms live. Every method that two processes or two sockets could race on is atomic in the
 * implementation (a Lua script in Redis, a synchronous section in memory).
 */
export interface RoomStore {
  readonly kind: 'memory' | 'redis';
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** false when the PIN is already taken by a live room. */
  createRoom(room: NewRoom): Promise<boolean>;
  getRoom(pin: string): Promise<RoomRecord | null>;
  getQuestions(pin: string): Promise<Question[] | null>;
  /** Compare-and-set on the room's position, so a transition happens once even if two timers race. */
  updateRoom(pin: string, expected: RoomPosition, next: RoomRecord): Promise<boolean>;
  setLocked(pin: string, locked: boolean): Promise<void>;
  /** PINs of rooms not yet ended, so a restarted process can pick their clocks up again. */
  livePins(): Promise<string[]>;
  /** The room and everything under it disappear after ttlSec; it also stops being live. */
  expireRoom(pin: string, ttlSec: number): Promise<void>;

  /**
   * Atomic: the room is open to joins (there, not locked, not at its podium or ended), the nickname key is
   * unique in it and it is under its limit. The new player counts as connected.
   */
  addPlayer(pin: string, player: PlayerRecord, nicknameKey: string, maxPlayers: number): Promise<AddPlayerResult>;
  getPlayer(pin: string, playerId: string): Promise<PlayerRecord | null>;
  playerIdByTokenHash(pin: string, tokenHash: string): Promise<string | null>;
  listPlayers(pin: string): Promise<PlayerRecord[]>;
  /** These players as they are now, in the order asked; ids not in the room are left out. */
  presence(pin: string, playerIds: readonly string[]): Promise<PlayerPresence[]>;
  /** These players' nicknames by id; ids not in the room are left out. */
  nicknames(pin: string, playerIds: readonly string[]): Promise<Map<string, string>>;
  /** Marks the player kicked, frees the nickname and takes them off the leaderboard. */
  kickPlayer(pin: string, playerId: string, nicknameKey: string): Promise<void>;
  setConnected(pin: string, playerId: string, connected: boolean): Promise<void>;
  connectedIds(pin: string): Promise<string[]>;
  connectedCount(pin: string): Promise<number>;

  /**
   * One atomic step: records the answer if the room is still on that open question, the player is in
   * the game (`not_playing` once kicked) and has not answered it; scores it from the ladder and the
   * player's streak, adds the points to the leaderboard and sets the streak.
   */
  recordAnswer(pin: string, questionIndex: number, answer: AnswerInput): Promise<AnswerOutcome>;
  getAnswers(pin: string, questionIndex: number): Promise<AnswerRecord[]>;
  getAnswer(pin: string, questionIndex: number, playerId: string): Promise<AnswerRecord | null>;
  answerCount(pin: string, questionIndex: number): Promise<number>;
  /** Missing a question breaks a streak. */
  resetStreaks(pin: string, playerIds: readonly string[]): Promise<void>;

  /** Players still in the game (not kicked). */
  playerCount(pin: string): Promise<number>;
  /** Each player's result for a question, saved once at the reveal so a rejoin can show it again. */
  saveResults(pin: string, questionIndex: number, results: ReadonlyMap<string, PlayerResult>): Promise<void>;
  getResult(pin: string, questionIndex: number, playerId: string): Promise<PlayerResult | null>;

  /**
   * The room's clock lease: whoever holds it runs the room's timers. Free leases are taken with
   * SET NX semantics; `force` takes it over (the process that just moved the room runs its next timer).
   */
  claimLease(pin: string, owner: string, ttlMs: number, force: boolean): Promise<boolean>;
  /** Extends every lease this owner still holds on a room not ended; returns the other PINs, whose lease it has lost. */
  renewLeases(pins: readonly string[], owner: string, ttlMs: number): Promise<string[]>;
  releaseLease(pin: string, owner: string): Promise<void>;

  /** Marks these rooms' hosts as present now; a room that is gone or has ended is left as it is. */
  touchHosts(pins: readonly string[], at: number): Promise<void>;
  /** When each room last had a host (its creation, at first), in the order asked; null for a room not there. */
  hostsSeenAt(pins: readonly string[]): Promise<(number | null)[]>;

  /** Every non-kicked player's score, highest first. */
  scores(pin: string): Promise<ScoreRow[]>;
  /** A player's score and competition rank (1 + players strictly ahead). */
  standing(pin: string, playerId: string): Promise<{ score: number; rank: number }>;
}
