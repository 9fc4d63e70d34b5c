import type { RedisOptions } from 'ioredis';
import type { Question } from '../../shared/quiz.js';
import type { PlayerResult } from '../../shared/server-events.js';
import type { AnswerInput, AnswerOutcome, AnswerRecord, NewRoom, PlayerRecord, RoomPosition, RoomRecord } from '../game/records.js';
import type { AddPlayerResult, PlayerPresence, RoomStore, ScoreRow } from './room-store.js';
import { SingleFlight } from '../single-flight.js';
import { CoalescingRedis } from './coalescing-redis.js';
import { TurnBatches } from './turn-batches.js';
import { ADD_PLAYERS, KICK_PLAYER, MARK_CONNECTED, RECORD_ANSWERS, RELEASE_LEASE, RENEW_LEASE, UPDATE_ROOM } from './redis-scripts.js';

type Script = (...args: (string | number)[]) => Promise<unknown>;
type ScriptName = 'qrUpdateRoom' | 'qrAddPlayers' | 'qrRecordAnswers' | 'qrKickPlayer' | 'qrMarkConnected' | 'qrReleaseLease' | 'qrRenewLease';

const SCRIPTS: Record<ScriptName, { keys: number; lua: string }> = {
  qrUpdateRoom: { keys: 1, lua: UPDATE_ROOM },
  qrAddPlayers: { keys: 7, lua: ADD_PLAYERS },
  qrRecordAnswers: { keys: 5, lua: RECORD_ANSWERS },
  qrKickPlayer: { keys: 4, lua: KICK_PLAYER },
  qrMarkConnected: { keys: 2, lua: MARK_CONNECTED },
  qrReleaseLease: { keys: 1, lua: RELEASE_LEASE },
  qrRenewLease: { keys: 2, lua: RENEW_LEASE },
};

/** Fail fast while Redis is away, so a socket event gets `unavailable` instead of hanging in a queue. */
export const REDIS_OPTIONS = {
  maxRetriesPerRequest: 1,
  commandTimeout: 3000,
  enableOfflineQueue: false,
  lazyConnect: true,
} satisfies RedisOptions;

function roomFields(room: RoomRecord): (string | number)[] {
  return [
    'pin', room.pin,
    'hostTokenHash', room.hostTokenHash,
    'settings', JSON.stringify(room.settings),
    'total', room.total,
    'phase', room.phase,
    'questionIndex', room.questionIndex,
    'openedAt', room.openedAt,
    'deadline', room.deadline,
    'advanceAt', room.advanceAt,
    'createdAt', room.createdAt,
    'closedAs', room.closedAs ?? '',
    'endedEarly', room.endedEarly ? '1' : '0',
  ];
}

function parseRoom(h: Record<string, string>): RoomRecord | null {
  if (!h.pin) return null;
  return {
    pin: h.pin,
    hostTokenHash: h.hostTokenHash ?? '',
    settings: JSON.parse(h.settings ?? '{}'),
    total: Number(h.total),
    phase: h.phase as RoomRecord['phase'],
    questionIndex: Number(h.questionIndex),
    openedAt: Number(h.openedAt),
    deadline: Number(h.deadline),
    advanceAt: Number(h.advanceAt),
    locked: h.locked === '1',
    createdAt: Number(h.createdAt),
    ...(h.closedAs ? { closedAs: h.closedAs as RoomRecord['closedAs'] } : {}),
    ...(h.endedEarly === '1' ? { endedEarly: true } : {}),
  };
}

type StoredPlayer = Omit<PlayerRecord, 'streak' | 'kicked'>;
type NewPlayer = { player: PlayerRecord; nicknameKey: string };

/**
 * Rooms in Redis: a hash for the room, hashes for players, one hash of answers per question (HSETNX
 * makes the first answer win) and a sorted set for the leaderboard. Every key sits under `prefix`
 * and carries the PIN as a hash tag, so one room's keys share a cluster slot and a script may touch them all.
 */
export class RedisStore implements RoomStore {
  readonly kind = 'redis';
  private readonly scripts: Record<ScriptName, Script>;
  private readonly answers: TurnBatches<{ pin: string; questionIndex: number }, AnswerInput, AnswerOutcome>;
  private readonly joins: TurnBatches<{ pin: string; maxPlayers: number }, NewPlayer, AddPlayerResult>;

  constructor(
    readonly redis: CoalescingRedis,
    readonly prefix: string,
  ) {
    // Connection errors surface on the commands that fail (as `unavailable`); the event itself is only noise.
    redis.on('error', () => {});
    for (const [name, { keys, lua }] of Object.entries(SCRIPTS)) redis.defineCommand(name, { numberOfKeys: keys, lua });
    this.scripts = Object.fromEntries(
      Object.keys(SCRIPTS).map((name) => [name, (...args: (string | number)[]) => (redis as unknown as Record<string, Script>)[name]!(...args)]),
    ) as Record<ScriptName, Script>;
    const atTurnEnd = (send: () => void) => redis.atTurnEnd(send);
    this.answers = new TurnBatches(atTurnEnd, ({ pin, questionIndex }, inputs) => this.recordAnswers(pin, questionIndex, inputs));
    this.joins = new TurnBatches(atTurnEnd, ({ pin, maxPlayers }, inputs) => this.addPlayers(pin, maxPlayers, inputs));
  }

  static async connect(url: string, prefix: string): Promise<RedisStore> {
    const redis = new CoalescingRedis(url, REDIS_OPTIONS);
    await redis.connect();
    return new RedisStore(redis, prefix);
  }

  private key(pin: string, part?: string): string {
    return `${this.prefix}room:{${pin}}${part ? `:${part}` : ''}`;
  }

  private get liveKey(): string {
    return `${this.prefix}live`;
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async createRoom({ room, questions }: NewRoom): Promise<boolean> {
    this.roomReads.forget(room.pin);
    const created = await this.redis.hsetnx(this.key(room.pin), 'pin', room.pin);
    if (!created) return false;
    await this.redis
      .multi()
      .hset(this.key(room.pin), ...roomFields(room), 'locked', room.locked ? '1' : '0')
      .set(this.key(room.pin, 'questions'), JSON.stringify(questions))
      .set(this.key(room.pin, 'host'), room.createdAt)
      .sadd(this.liveKey, room.pin)
      .exec();
    return true;
  }

  /** Room reads in flight, shared by concurrent callers; a write from this process drops its entry. */
  private readonly roomReads = new SingleFlight<string, RoomRecord | null>();

  async getRoom(pin: string): Promise<RoomRecord | null> {
    const room = await this.roomReads.run(pin, () => this.redis.hgetall(this.key(pin)).then(parseRoom));
    return room && { ...room, settings: { ...room.settings } };
  }

  async getQuestions(pin: string): Promise<Question[] | null> {
    const raw = await this.redis.get(this.key(pin, 'questions'));
    return raw ? (JSON.parse(raw) as Question[]) : null;
  }

  async updateRoom(pin: string, expected: RoomPosition, next: RoomRecord): Promise<boolean> {
    this.roomReads.forget(pin);
    const done = await this.scripts.qrUpdateRoom(this.key(pin), expected.phase, expected.questionIndex, ...roomFields(next));
    return done === 1;
  }

  async setLocked(pin: string, locked: boolean): Promise<void> {
    this.roomReads.forget(pin);
    await this.redis.hset(this.key(pin), 'locked', locked ? '1' : '0');
  }

  async livePins(): Promise<string[]> {
    return this.redis.smembers(this.liveKey);
  }

  async expireRoom(pin: string, ttlSec: number): Promise<void> {
    const room = await this.getRoom(pin);
    const parts = ['', 'questions', 'players', 'streaks', 'kicked', 'nicks', 'tokens', 'connected', 'scores', 'lease', 'host'];
    for (let q = 0; q < (room?.total ?? 0); q++) parts.push(`answers:${q}`, `results:${q}`);
    const tx = this.redis.multi();
    for (const part of parts) tx.expire(this.key(pin, part || undefined), ttlSec);
    await tx.srem(this.liveKey, pin).exec();
  }

  addPlayer(pin: string, player: PlayerRecord, nicknameKey: string, maxPlayers: number): Promise<AddPlayerResult> {
    return this.joins.add(`${pin}:${maxPlayers}`, { pin, maxPlayers }, { player, nicknameKey });
  }

  private async addPlayers(pin: string, maxPlayers: number, inputs: readonly NewPlayer[]): Promise<AddPlayerResult[]> {
    const args: (string | number)[] = [maxPlayers];
    for (const { player, nicknameKey } of inputs) {
      const stored: StoredPlayer = { id: player.id, nickname: player.nickname, tokenHash: player.tokenHash, joinedAt: player.joinedAt };
      args.push(nicknameKey, player.id, JSON.stringify(stored), player.tokenHash);
    }
    const reply = (await this.scripts.qrAddPlayers(
      this.key(pin),
      this.key(pin, 'nicks'),
      this.key(pin, 'scores'),
      this.key(pin, 'players'),
      this.key(pin, 'tokens'),
      this.key(pin, 'streaks'),
      this.key(pin, 'connected'),
      ...args,
    )) as (string | number | string[])[];
    if (reply.length === 1) return inputs.map(() => ({ status: reply[0] as Exclude<AddPlayerResult['status'], 'ok'> }));
    const roomHash = reply[reply.length - 1] as string[];
    const fields: Record<string, string> = {};
    for (let i = 0; i < roomHash.length; i += 2) fields[roomHash[i]!] = roomHash[i + 1]!;
    // One record for the whole batch: the snapshots only read it.
    const room = parseRoom(fields)!;
    return inputs.map((_, i) => {
      const status = reply[i * 2] as AddPlayerResult['status'];
      return status === 'ok' ? { status, count: reply[i * 2 + 1] as number, room } : { status };
    });
  }

  async getPlayer(pin: string, playerId: string): Promise<PlayerRecord | null> {
    const [[, raw], [, streak], [, kicked]] = (await this.redis
      .pipeline()
      .hget(this.key(pin, 'players'), playerId)
      .hget(this.key(pin, 'streaks'), playerId)
      .sismember(this.key(pin, 'kicked'), playerId)
      .exec()) as [unknown, unknown][] as [[null, string | null], [null, string | null], [null, number]];
    if (!raw) return null;
    return { ...(JSON.parse(raw) as StoredPlayer), streak: Number(streak ?? 0), kicked: kicked === 1 };
  }

  async playerIdByTokenHash(pin: string, tokenHash: string): Promise<string | null> {
    return this.redis.hget(this.key(pin, 'tokens'), tokenHash);
  }

  async listPlayers(pin: string): Promise<PlayerRecord[]> {
    const [[, players], [, streaks], [, kicked]] = (await this.redis
      .pipeline()
      .hgetall(this.key(pin, 'players'))
      .hgetall(this.key(pin, 'streaks'))
      .smembers(this.key(pin, 'kicked'))
      .exec()) as [unknown, unknown][] as [[null, Record<string, string>], [null, Record<string, string>], [null, string[]]];
    const out = new Set(kicked);
    return Object.values(players)
      .map((raw) => JSON.parse(raw) as StoredPlayer)
      .map((p) => ({ ...p, streak: Number(streaks[p.id] ?? 0), kicked: out.has(p.id) }))
      .sort((a, b) => a.joinedAt - b.joinedAt);
  }

  async nicknames(pin: string, playerIds: readonly string[]): Promise<Map<string, string>> {
    if (playerIds.length === 0) return new Map();
    const raws = await this.redis.hmget(this.key(pin, 'players'), ...playerIds);
    return new Map(playerIds.flatMap((id, i) => (raws[i] ? [[id, (JSON.parse(raws[i]!) as StoredPlayer).nickname] as const] : [])));
  }

  async presence(pin: string, playerIds: readonly string[]): Promise<PlayerPresence[]> {
    if (playerIds.length === 0) return [];
    const [raws, connected, kicked] = await Promise.all([
      this.redis.hmget(this.key(pin, 'players'), ...playerIds),
      this.redis.smismember(this.key(pin, 'connected'), ...playerIds),
      this.redis.smismember(this.key(pin, 'kicked'), ...playerIds),
    ]);
    return playerIds.flatMap((id, i) => {
      const raw = raws[i];
      if (!raw) return [];
      const { nickname } = JSON.parse(raw) as StoredPlayer;
      return [{ id, nickname, connected: connected[i] === 1, kicked: kicked[i] === 1 }];
    });
  }

  async kickPlayer(pin: string, playerId: string, nicknameKey: string): Promise<void> {
    await this.scripts.qrKickPlayer(
      this.key(pin, 'kicked'),
      this.key(pin, 'nicks'),
      this.key(pin, 'scores'),
      this.key(pin, 'connected'),
      playerId,
      nicknameKey,
    );
  }

  async setConnected(pin: string, playerId: string, connected: boolean): Promise<void> {
    if (connected) await this.scripts.qrMarkConnected(this.key(pin, 'connected'), this.key(pin, 'scores'), playerId);
    else await this.redis.srem(this.key(pin, 'connected'), playerId);
  }

  async connectedIds(pin: string): Promise<string[]> {
    return this.redis.smembers(this.key(pin, 'connected'));
  }

  async connectedCount(pin: string): Promise<number> {
    return this.redis.scard(this.key(pin, 'connected'));
  }

  recordAnswer(pin: string, questionIndex: number, input: AnswerInput): Promise<AnswerOutcome> {
    return this.answers.add(`${pin}:${questionIndex}`, { pin, questionIndex }, input);
  }

  private async recordAnswers(pin: string, questionIndex: number, inputs: readonly AnswerInput[]): Promise<AnswerOutcome[]> {
    const args: (string | number)[] = [];
    for (const input of inputs) {
      // Field order as in AnswerRecord; the script appends points and streak once it knows the streak.
      const head = JSON.stringify({ playerId: input.playerId, answer: input.answer, correct: input.correct, responseMs: input.responseMs });
      args.push(input.playerId, head.slice(0, -1), input.correct ? 1 : 0, input.ladder.length, ...input.ladder);
    }
    const reply = (await this.scripts.qrRecordAnswers(
      this.key(pin),
      this.key(pin, `answers:${questionIndex}`),
      this.key(pin, 'scores'),
      this.key(pin, 'streaks'),
      this.key(pin, 'connected'),
      questionIndex,
      ...args,
    )) as (string | number)[];
    const connected = reply[reply.length - 1] as number;
    return inputs.map((_, i) => {
      const [status, points, streak, answered] = reply.slice(i * 4, i * 4 + 4) as [AnswerOutcome['status'], number, number, number];
      return status === 'ok' ? { status, points, streak, answered, connected } : { status };
    });
  }

  async getAnswers(pin: string, questionIndex: number): Promise<AnswerRecord[]> {
    const all = await this.redis.hvals(this.key(pin, `answers:${questionIndex}`));
    return all.map((raw) => JSON.parse(raw) as AnswerRecord);
  }

  async getAnswer(pin: string, questionIndex: number, playerId: string): Promise<AnswerRecord | null> {
    const raw = await this.redis.hget(this.key(pin, `answers:${questionIndex}`), playerId);
    return raw ? (JSON.parse(raw) as AnswerRecord) : null;
  }

  async answerCount(pin: string, questionIndex: number): Promise<number> {
    return this.redis.hlen(this.key(pin, `answers:${questionIndex}`));
  }

  async resetStreaks(pin: string, playerIds: readonly string[]): Promise<void> {
    if (playerIds.length === 0) return;
    await this.redis.hset(this.key(pin, 'streaks'), Object.fromEntries(playerIds.map((id) => [id, 0])));
  }

  async playerCount(pin: string): Promise<number> {
    return this.redis.zcard(this.key(pin, 'scores'));
  }

  async saveResults(pin: string, questionIndex: number, results: ReadonlyMap<string, PlayerResult>): Promise<void> {
    if (results.size === 0) return;
    const fields: Record<string, string> = {};
    for (const [id, result] of results) fields[id] = JSON.stringify(result);
    await this.redis.hset(this.key(pin, `results:${questionIndex}`), fields);
  }

  async getResult(pin: string, questionIndex: number, playerId: string): Promise<PlayerResult | null> {
    const raw = await this.redis.hget(this.key(pin, `results:${questionIndex}`), playerId);
    return raw ? (JSON.parse(raw) as PlayerResult) : null;
  }

  async claimLease(pin: string, owner: string, ttlMs: number, force: boolean): Promise<boolean> {
    const key = this.key(pin, 'lease');
    const done = force ? await this.redis.set(key, owner, 'PX', ttlMs) : await this.redis.set(key, owner, 'PX', ttlMs, 'NX');
    return done === 'OK';
  }

  async renewLeases(pins: readonly string[], owner: string, ttlMs: number): Promise<string[]> {
    if (pins.length === 0) return [];
    // One call per lease keeps every key in its own room's cluster slot.
    const held = await Promise.all(pins.map((pin) => this.scripts.qrRenewLease(this.key(pin, 'lease'), this.key(pin), owner, ttlMs)));
    return pins.filter((_, i) => held[i] !== 1);
  }

  async releaseLease(pin: string, owner: string): Promise<void> {
    await this.scripts.qrReleaseLease(this.key(pin, 'lease'), owner);
  }

  async touchHosts(pins: readonly string[], at: number): Promise<void> {
    if (pins.length === 0) return;
    // XX: a room that is gone gets no key back; KEEPTTL: an ended room's key still expires with the room.
    const tx = this.redis.pipeline();
    for (const pin of pins) tx.set(this.key(pin, 'host'), at, 'KEEPTTL', 'XX');
    await tx.exec();
  }

  async hostsSeenAt(pins: readonly string[]): Promise<(number | null)[]> {
    if (pins.length === 0) return [];
    const seen = await Promise.all(pins.map((pin) => this.redis.get(this.key(pin, 'host'))));
    return seen.map((at) => (at === null ? null : Number(at)));
  }

  async scores(pin: string): Promise<ScoreRow[]> {
    const flat = await this.redis.zrevrange(this.key(pin, 'scores'), 0, -1, 'WITHSCORES');
    const rows: ScoreRow[] = [];
    for (let i = 0; i < flat.length; i += 2) rows.push({ playerId: flat[i]!, score: Number(flat[i + 1]) });
    return rows;
  }

  async standing(pin: string, playerId: string): Promise<{ score: number; rank: number }> {
    const scoreRaw = await this.redis.zscore(this.key(pin, 'scores'), playerId);
    const score = Number(scoreRaw ?? 0);
    const ahead = await this.redis.zcount(this.key(pin, 'scores'), `(${score}`, '+inf');
    return { score, rank: ahead + 1 };
  }
}
