import type { Question } from '../../shared/quiz.js';
import type { PlayerResult } from '../../shared/server-events.js';
import type { Answer } from '../../shared/client-events.js';
import type { AnswerInput, AnswerOutcome, AnswerRecord, NewRoom, PlayerRecord, RoomPosition, RoomRecord } from '../game/records.js';
import { scoreFromLadder } from '../game/scoring.js';
import type { AddPlayerResult, PlayerPresence, RoomStore, ScoreRow } from './room-store.js';

interface MemoryRoom {
  room: RoomRecord;
  questions: Question[];
  players: Map<string, PlayerRecord>;
  nicknames: Map<string, string>;
  tokens: Map<string, string>;
  connected: Set<string>;
  answers: Map<number, Map<string, AnswerRecord>>;
  scores: Map<string, number>;
  results: Map<number, Map<string, PlayerResult>>;
  hostSeenAt: number;
  expiry?: NodeJS.Timeout;
}

/**
 * The records are flat but for one level (a room's settings, a multi answer's indexes), so these copy them
 * whole at a fraction of structuredClone's cost, which a reveal paid once per answer.
 */
const copyRoom = (room: RoomRecord): RoomRecord => ({ ...room, settings: { ...room.settings } });
const copyAnswer = (a: AnswerRecord): AnswerRecord => ({ ...a, answer: copyAnswerValue(a.answer) });
const copyAnswerValue = (answer: Answer): Answer => (Array.isArray(answer) ? [...answer] : answer);

/** The embedded default: one process, nothing survives a restart. Copies on the way in and out, like a real store. */
export class MemoryStore implements RoomStore {
  readonly kind = 'memory';
  private readonly rooms = new Map<string, MemoryRoom>();
  private readonly leases = new Map<string, { owner: string; until: number }>();

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    for (const r of this.rooms.values()) clearTimeout(r.expiry);
    this.rooms.clear();
  }

  async createRoom({ room, questions }: NewRoom): Promise<boolean> {
    if (this.rooms.has(room.pin)) return false;
    this.rooms.set(room.pin, {
      room: copyRoom(room),
      questions: structuredClone(questions),
      players: new Map(),
      nicknames: new Map(),
      tokens: new Map(),
      connected: new Set(),
      answers: new Map(),
      scores: new Map(),
      results: new Map(),
      hostSeenAt: room.createdAt,
    });
    return true;
  }

  async getRoom(pin: string): Promise<RoomRecord | null> {
    const r = this.rooms.get(pin);
    return r ? copyRoom(r.room) : null;
  }

  async getQuestions(pin: string): Promise<Question[] | null> {
    const r = this.rooms.get(pin);
    return r ? structuredClone(r.questions) : null;
  }

  async updateRoom(pin: string, expected: RoomPosition, next: RoomRecord): Promise<boolean> {
    const r = this.rooms.get(pin);
    if (!r || r.room.phase !== expected.phase || r.room.questionIndex !== expected.questionIndex) return false;
    r.room = copyRoom({ ...next, locked: r.room.locked });
    return true;
  }

  async setLocked(pin: string, locked: boolean): Promise<void> {
    const r = this.rooms.get(pin);
    if (r) r.room.locked = locked;
  }

  async livePins(): Promise<string[]> {
    return [...this.rooms.values()].filter((r) => r.expiry === undefined).map((r) => r.room.pin);
  }

  async expireRoom(pin: string, ttlSec: number): Promise<void> {
    const r = this.rooms.get(pin);
    if (!r) return;
    clearTimeout(r.expiry);
    r.expiry = setTimeout(() => this.rooms.delete(pin), ttlSec * 1000);
    r.expiry.unref();
  }

  async addPlayer(pin: string, player: PlayerRecord, nicknameKey: string, maxPlayers: number): Promise<AddPlayerResult> {
    const r = this.rooms.get(pin);
    if (!r) return { status: 'not_found' };
    if (r.room.phase === 'podium' || r.room.phase === 'ended') return { status: 'finished' };
    if (r.room.locked) return { status: 'room_locked' };
    if (r.nicknames.has(nicknameKey)) return { status: 'nickname_taken' };
    if (r.scores.size >= maxPlayers) return { status: 'room_full' };
    r.nicknames.set(nicknameKey, player.id);
    r.tokens.set(player.tokenHash, player.id);
    r.players.set(player.id, { ...player });
    r.scores.set(player.id, 0);
    r.connected.add(player.id);
    return { status: 'ok', count: r.scores.size, room: copyRoom(r.room) };
  }

  async getPlayer(pin: string, playerId: string): Promise<PlayerRecord | null> {
    const p = this.rooms.get(pin)?.players.get(playerId);
    return p ? { ...p } : null;
  }

  async playerIdByTokenHash(pin: string, tokenHash: string): Promise<string | null> {
    return this.rooms.get(pin)?.tokens.get(tokenHash) ?? null;
  }

  async listPlayers(pin: string): Promise<PlayerRecord[]> {
    const r = this.rooms.get(pin);
    return r ? [...r.players.values()].map((p) => ({ ...p })) : [];
  }

  async presence(pin: string, playerIds: readonly string[]): Promise<PlayerPresence[]> {
    const r = this.rooms.get(pin);
    if (!r) return [];
    return playerIds.flatMap((id) => {
      const p = r.players.get(id);
      return p ? [{ id, nickname: p.nickname, connected: r.connected.has(id), kicked: p.kicked }] : [];
    });
  }

  async nicknames(pin: string, playerIds: readonly string[]): Promise<Map<string, string>> {
    const players = this.rooms.get(pin)?.players;
    const found = new Map<string, string>();
    for (const id of playerIds) {
      const player = players?.get(id);
      if (player) found.set(id, player.nickname);
    }
    return found;
  }

  async kickPlayer(pin: string, playerId: string, nicknameKey: string): Promise<void> {
    const r = this.rooms.get(pin);
    const p = r?.players.get(playerId);
    if (!r || !p) return;
    p.kicked = true;
    if (r.nicknames.get(nicknameKey) === playerId) r.nicknames.delete(nicknameKey);
    r.scores.delete(playerId);
    r.connected.delete(playerId);
  }

  async setConnected(pin: string, playerId: string, connected: boolean): Promise<void> {
    const r = this.rooms.get(pin);
    if (!r) return;
    if (connected && r.scores.has(playerId)) r.connected.add(playerId);
    else r.connected.delete(playerId);
  }

  async connectedIds(pin: string): Promise<string[]> {
    return [...(this.rooms.get(pin)?.connected ?? [])];
  }

  async connectedCount(pin: string): Promise<number> {
    return this.rooms.get(pin)?.connected.size ?? 0;
  }

  async recordAnswer(pin: string, questionIndex: number, input: AnswerInput): Promise<AnswerOutcome> {
    const r = this.rooms.get(pin);
    if (!r || r.room.phase !== 'question' || r.room.questionIndex !== questionIndex) return { status: 'closed' };
    const player = r.players.get(input.playerId);
    if (!player || player.kicked) return { status: 'not_playing' };
    let answers = r.answers.get(questionIndex);
    if (!answers) r.answers.set(questionIndex, (answers = new Map()));
    if (answers.has(input.playerId)) return { status: 'already_answered' };
    const { points, streak } = scoreFromLadder(input.correct, input.ladder, player.streak);
    answers.set(input.playerId, {
      playerId: input.playerId,
      answer: copyAnswerValue(input.answer),
      correct: input.correct,
      responseMs: input.responseMs,
      points,
      streak,
    });
    r.scores.set(input.playerId, (r.scores.get(input.playerId) ?? 0) + points);
    player.streak = streak;
    return { status: 'ok', points, streak, answered: answers.size, connected: r.connected.size };
  }

  async getAnswers(pin: string, questionIndex: number): Promise<AnswerRecord[]> {
    return [...(this.rooms.get(pin)?.answers.get(questionIndex)?.values() ?? [])].map(copyAnswer);
  }

  async getAnswer(pin: string, questionIndex: number, playerId: string): Promise<AnswerRecord | null> {
    const a = this.rooms.get(pin)?.answers.get(questionIndex)?.get(playerId);
    return a ? copyAnswer(a) : null;
  }

  async answerCount(pin: string, questionIndex: number): Promise<number> {
    return this.rooms.get(pin)?.answers.get(questionIndex)?.size ?? 0;
  }

  async resetStreaks(pin: string, playerIds: readonly string[]): Promise<void> {
    const r = this.rooms.get(pin);
    for (const id of playerIds) {
      const p = r?.players.get(id);
      if (p) p.streak = 0;
    }
  }

  async playerCount(pin: string): Promise<number> {
    return this.rooms.get(pin)?.scores.size ?? 0;
  }

  async saveResults(pin: string, questionIndex: number, results: ReadonlyMap<string, PlayerResult>): Promise<void> {
    const copies = new Map<string, PlayerResult>();
    for (const [id, result] of results) copies.set(id, { ...result });
    this.rooms.get(pin)?.results.set(questionIndex, copies);
  }

  async getResult(pin: string, questionIndex: number, playerId: string): Promise<PlayerResult | null> {
    const result = this.rooms.get(pin)?.results.get(questionIndex)?.get(playerId);
    return result ? { ...result } : null;
  }

  async claimLease(pin: string, owner: string, ttlMs: number, force: boolean): Promise<boolean> {
    const lease = this.leases.get(pin);
    if (!force && lease && lease.until > Date.now()) return false;
    this.leases.set(pin, { owner, until: Date.now() + ttlMs });
    return true;
  }

  async renewLeases(pins: readonly string[], owner: string, ttlMs: number): Promise<string[]> {
    const lost: string[] = [];
    for (const pin of pins) {
      const lease = this.leases.get(pin);
      const phase = this.rooms.get(pin)?.room.phase;
      if (lease?.owner === owner && lease.until > Date.now() && phase !== undefined && phase !== 'ended') lease.until = Date.now() + ttlMs;
      else lost.push(pin);
    }
    return lost;
  }

  async releaseLease(pin: string, owner: string): Promise<void> {
    if (this.leases.get(pin)?.owner === owner) this.leases.delete(pin);
  }

  async touchHosts(pins: readonly string[], at: number): Promise<void> {
    for (const pin of pins) {
      const r = this.rooms.get(pin);
      if (r && r.expiry === undefined) r.hostSeenAt = at;
    }
  }

  async hostsSeenAt(pins: readonly string[]): Promise<(number | null)[]> {
    return pins.map((pin) => this.rooms.get(pin)?.hostSeenAt ?? null);
  }

  async scores(pin: string): Promise<ScoreRow[]> {
    const r = this.rooms.get(pin);
    if (!r) return [];
    return [...r.scores].map(([playerId, score]) => ({ playerId, score })).sort((a, b) => b.score - a.score);
  }

  async standing(pin: string, playerId: string): Promise<{ score: number; rank: number }> {
    const scores = this.rooms.get(pin)?.scores;
    const score = scores?.get(playerId) ?? 0;
    let ahead = 0;
    for (const s of scores?.values() ?? []) if (s > score) ahead++;
    return { score, rank: ahead + 1 };
  }
}
