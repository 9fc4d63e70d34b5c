import { randomBytes } from 'node:crypto';
import type { Answer, RoomOptions } from '../../shared/client-events.js';
import { GameError } from '../../shared/errors.js';
import type { Question } from '../../shared/quiz.js';
import type { GameAnalysis } from '../../shared/report.js';
import type { GameOver, HostRoomState, PlayerResult, PlayerRoomState, Phase } from '../../shared/server-events.js';
import { BoundedMap } from '../bounded-map.js';
import { concurrencyLimit } from '../concurrency-limit.js';
import { drawQuestions, type Random } from '../game/draw.js';
import { fitsQuestion, isCorrect } from '../game/judge.js';
import { NICKNAME_MESSAGES, checkNickname, generatedNickname, nicknameKey } from '../game/nickname.js';
import { closeQuestion, endGame, nextPhase, nextTimer, onClock, reopenAt, startGame, waitsOnHost } from '../game/phases.js';
import type { PlayerRecord, RoomRecord } from '../game/records.js';
import { pointsByStreak } from '../game/scoring.js';
import { gameReport, hostReport, missedQuestions, previousRanks, rankAll, toStanding, type Ranked } from '../game/standings.js';
import { closeAt, isLate, responseTimeMs } from '../game/timing.js';
import { playerResultView, questionOpenView, revealView } from '../game/views.js';
import type { Logger } from '../logger.js';
import type { QuizResolver } from '../quiz/library-resolver.js';
import { OPEN_BUCKET, type ReportStore } from '../reports/report-store.js';
import { savedReport } from '../reports/saved-report.js';
import { hashToken, newJoinKey, newJoinShapes, newPin, newPlayerId, newToken, secretMatches, shapesMatch, tokenMatches } from '../security/tokens.js';
import type { RoomStore } from '../store/room-store.js';
import { closedNotice } from './closing.js';
import type { Outbox } from './outbox.js';
import { RoomClock } from './room-clock.js';
import { RoomTurns } from './room-turns.js';
import { Throttle } from './throttle.js';

export interface RoomServiceDeps {
  store: RoomStore;
  /** Finds a room's quiz: a built-in, or the creating host's own. */
  resolveQuiz: QuizResolver;
  /** Where a finished game's report is kept; none keeps no reports. */
  reports?: Pick<ReportStore, 'save'>;
  outbox: Outbox;
  logger: Logger;
  now?: () => number;
  random?: Random;
  /** How long a finished room stays readable (for reports and late rejoins). */
  finishedTtlSec?: number;
  /** How long a lobby may wait for its host to start before it closes. */
  lobbyTtlSec?: number;
  /** How often host counters may be sent. */
  progressIntervalMs?: number;
  /** How long a process holds a room's clock without renewing it; a dead owner's rooms are taken over after this. */
  leaseMs?: number;
  /** How long a room waiting on its host may go without one before it ends itself. */
  hostGoneSec?: number;
}

const ANNOUNCE_RETRIES = 30;
/** Tries at ending a room whose position a timer keeps moving under the end's compare-and-set. */
const END_ATTEMPTS = 5;
/** Questions a process opens at once; see `move`. */
const OPENING_AT_ONCE = 8;
const RETRY_MS = 1000;
/** When the answer reached the server and how fast this player's link is, as the socket layer measured it. */
export interface AnswerTiming {
  sentAt: number | undefined;
  receivedAt: number;
  rttMs: number;
}

/** What a join hands its player's first snapshot, so none of it is read back. */
export interface JustJoined {
  nickname: string;
  count: number;
  room: RoomRecord;
}

const ANSWER_REFUSED = {
  already_answered: () => new GameError('already_answered'),
  not_playing: () => new GameError('forbidden', 'You are not in this game.'),
};

const JOIN_REFUSED = {
  not_found: () => new GameError('not_found', 'No game with that PIN.'),
  finished: () => new GameError('wrong_phase', 'This game has finished.'),
  room_locked: () => new GameError('room_locked'),
  room_full: () => new GameError('room_full'),
  nickname_taken: () => new GameError('nickname_taken', NICKNAME_MESSAGES.taken),
};

type Finals = { podium: GameOver['podium']; count: number; total: number; report: GameAnalysis; you: Map<string, NonNullable<GameOver['you']>> };

/**
 * Drives rooms: validates moves against the store's state, asks the pure engine for the next state,
 * persists it with a compare-and-set and tells the sockets. Holds no game state of its own beyond caches.
 */
export class RoomService {
  private readonly store: RoomStore;
  private readonly resolveQuiz: QuizResolver;
  private readonly reports: Pick<ReportStore, 'save'> | undefined;
  private readonly outbox: Outbox;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly random: Random;
  private readonly finishedTtlSec: number;
  private readonly lobbyTtlMs: number;
  private readonly clock: RoomClock;
  private readonly progress: Throttle;
  private readonly lobby: Throttle;
  private readonly leaseMs: number;
  private readonly hostGoneMs: number;
  /** This process, as a lease owner. */
  private readonly owner = randomBytes(8).toString('hex');
  /** Rooms whose clock runs here. */
  private readonly owned = new Set<string>();
  /** Rooms whose lease went away, until the store says whether they still exist (a failed read is tried again). */
  private readonly unleased = new Set<string>();
  /** Set once the server is closing: its sockets' last disconnects send nothing through a closing adapter. */
  private stopped = false;
  private leaseTimer?: NodeJS.Timeout;
  private scanTimer?: NodeJS.Timeout;
  private hostTimer?: NodeJS.Timeout;
  private readonly questionCache = new BoundedMap<string, Question[]>(2000);
  private readonly finalsCache = new BoundedMap<string, Promise<Finals>>(500);
  private readonly settingsCache = new BoundedMap<string, RoomRecord['settings']>(10_000);
  private readonly nicknameCache = new BoundedMap<string, Map<string, string>>(2000);
  /**
   * Rooms on an open question, as last seen. A question's record does not change while it is open, so an
   * answer may be checked against it without a read; the answer script re-checks the phase in the store.
   */
  private readonly openQuestions = new BoundedMap<string, RoomRecord>(10_000);
  private readonly opening = concurrencyLimit(OPENING_AT_ONCE);
  private readonly turns = new RoomTurns();
  /** Players whose line on the host's list changed here since this process last sent an update, per room. */
  private readonly lobbyChanges = new Map<string, Set<string>>();
  /** Players whose answer this process recorded since it last told the host, per room, with the question's index. */
  private readonly answeredHere = new Map<string, { index: number; playerIds: string[] }>();

  constructor(deps: RoomServiceDeps) {
    this.store = deps.store;
    this.resolveQuiz = deps.resolveQuiz;
    this.reports = deps.reports;
    this.outbox = deps.outbox;
    this.logger = deps.logger;
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.finishedTtlSec = deps.finishedTtlSec ?? 24 * 3600;
    this.lobbyTtlMs = (deps.lobbyTtlSec ?? 2 * 3600) * 1000;
    this.clock = new RoomClock(this.now);
    const interval = deps.progressIntervalMs ?? 250;
    this.progress = new Throttle(interval, (pin) => this.sendProgress(pin));
    this.lobby = new Throttle(interval, (pin) => this.sendLobby(pin));
    this.leaseMs = deps.leaseMs ?? 5000;
    this.hostGoneMs = (deps.hostGoneSec ?? 20 * 60) * 1000;
  }

  /**
   * Picks up the clocks of rooms nobody runs (left by a crashed or stopped process), then keeps doing so:
   * leases are renewed a few times per period and orphaned rooms looked for once per period.
   */
  async resume(): Promise<number> {
    const taken = await this.adoptOrphans();
    this.leaseTimer = setInterval(() => void this.renewLeases(), Math.max(100, this.leaseMs / 3));
    this.scanTimer = setInterval(() => void this.adoptOrphans().catch(() => 0), this.leaseMs);
    this.hostTimer = setInterval(() => void this.watchHosts(), Math.max(100, Math.min(this.leaseMs, this.hostGoneMs / 4)));
    return taken;
  }

  private async adoptOrphans(): Promise<number> {
    let taken = 0;
    for (const pin of await this.store.livePins()) {
      if (this.owned.has(pin) || !(await this.store.claimLease(pin, this.owner, this.leaseMs, false))) continue;
      this.owned.add(pin);
      taken++;
      const room = await this.store.getRoom(pin);
      if (!room) continue;
      this.logger.info({ pin, phase: room.phase }, 'room clock taken over');
      await this.reconcileConnected(pin);
      this.arm(room);
      // The process that reached the podium may have died before it kept the report.
      if (room.phase === 'podium') {
        await this.saveReport(pin, (await this.finals(pin)).report).catch((err: unknown) => this.logger.warn({ err, pin }, 'report save failed'));
      }
    }
    return taken;
  }

  private async renewLeases(): Promise<void> {
    try {
      for (const pin of await this.store.renewLeases([...this.owned], this.owner, this.leaseMs)) {
        // Another process moved the room and runs its clock now, or the store lost the room: checked below.
        this.owned.delete(pin);
        this.clock.cancel(pin);
        this.unleased.add(pin);
      }
      for (const pin of this.unleased) {
        if ((await this.store.getRoom(pin)) === null) this.roomLost(pin);
        this.unleased.delete(pin);
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'lease renewal failed');
    }
  }

  /** The store no longer has a room this process ran (Redis restarted without its data): its clients are told, not stranded. */
  private roomLost(pin: string): void {
    this.logger.error({ pin }, 'room lost from the store');
    this.outbox.toRoom(pin, 'room:closed', closedNotice('lost'));
    this.forget(pin);
    this.finalsCache.delete(pin);
    this.settingsCache.delete(pin);
  }

  /**
   * Marks the rooms whose host is connected here as seen, then ends the rooms this process runs that have
   * waited on an absent host for too long: a closed tab must not keep a room (and its keys and lease) for ever.
   */
  private async watchHosts(): Promise<void> {
    try {
      const now = this.now();
      await this.store.touchHosts(this.outbox.hostedHere(), now);
      const pins = [...this.owned];
      const seen = await this.store.hostsSeenAt(pins);
      const absent = pins.filter((_, i) => seen[i] != null && now - seen[i]! >= this.hostGoneMs);
      for (const pin of absent) {
        const room = await this.store.getRoom(pin);
        if (!room || room.phase === 'ended' || !waitsOnHost(room)) continue;
        this.logger.info({ pin, phase: room.phase }, 'host gone too long; room ends');
        await this.move(room, endGame(room, 'host_left'));
      }
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'host watch failed');
    }
  }

  /** The process that moved a room runs its next timer: it takes the lease over from whoever had it. */
  private async runClockHere(pin: string): Promise<void> {
    await this.store.claimLease(pin, this.owner, this.leaseMs, true);
    this.owned.add(pin);
  }

  /**
   * After a crash the store still lists players whose sockets died with the old process. Drop those no
   * server process holds any more, so "everyone has answered" is not kept waiting on ghosts.
   */
  async reconcileConnected(pin: string): Promise<void> {
    const listed = await this.store.connectedIds(pin);
    const live = new Set(await this.outbox.connectedPlayerIds(pin));
    for (const id of listed) if (!live.has(id)) await this.store.setConnected(pin, id, false);
  }

  /** Stops every timer and hands the rooms' clocks back, so another process takes them at once rather than after the lease runs out. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.leaseTimer);
    clearInterval(this.scanTimer);
    clearInterval(this.hostTimer);
    this.clock.stop();
    this.progress.stop();
    this.lobby.stop();
    await Promise.all([...this.owned].map((pin) => this.store.releaseLease(pin, this.owner).catch(() => {})));
    this.owned.clear();
  }

  // ---- host ----

  /** `ownerId` is the signed-in host's account: it may play its own quizzes, and the report is kept for it. */
  async createRoom(options: RoomOptions, ownerId?: string): Promise<{ pin: string; hostToken: string }> {
    const resolved = await this.resolveQuiz(options.quizId, ownerId);
    if (!resolved) throw new GameError('not_found', `No quiz with id ${options.quizId}.`);
    const { quiz, version } = resolved;
    const questions = drawQuestions(quiz, options, this.random);
    const hostToken = newToken();
    const joinKey = newJoinKey();
    for (let attempt = 0; attempt < 20; attempt++) {
      const room: RoomRecord = {
        pin: newPin(),
        hostTokenHash: hashToken(hostToken),
        settings: {
          quizId: quiz.id,
          title: quiz.title,
          pointsMode: options.pointsMode,
          autoAdvanceSec: options.autoAdvanceSec,
          maxPlayers: options.maxPlayers,
          nicknameMode: options.nicknameMode,
          joinKey,
          ...(options.twoStepJoin ? { joinShapes: newJoinShapes() } : {}),
          ...(ownerId ? { ownerId } : {}),
          ...(version !== undefined ? { quizVersion: version } : {}),
        },
        total: questions.length,
        phase: 'lobby',
        questionIndex: -1,
        openedAt: 0,
        deadline: 0,
        advanceAt: 0,
        locked: false,
        createdAt: this.now(),
      };
      if (await this.store.createRoom({ room, questions })) {
        this.questionCache.set(room.pin, questions);
        this.settingsCache.set(room.pin, room.settings);
        await this.runClockHere(room.pin);
        this.arm(room);
        this.logger.info({ pin: room.pin, quizId: quiz.id, questions: questions.length }, 'room created');
        return { pin: room.pin, hostToken };
      }
    }
    throw new GameError('unavailable', 'Could not find a free PIN; try again.');
  }

  /** Allowed after the end too, so a host can reopen the report. */
  async attachHost(pin: string, hostToken: string): Promise<void> {
    const room = await this.requireRoom(pin);
    if (!tokenMatches(hostToken, room.hostTokenHash)) throw new GameError('forbidden', 'That host token does not open this room.');
    // Seen at once, not at the next round of marks: a host back just in time keeps the room.
    await this.store.touchHosts([pin], this.now());
  }

  async start(pin: string): Promise<void> {
    const room = await this.liveRoom(pin);
    const next = startGame(room, await this.questions(pin), await this.store.playerCount(pin), this.now());
    await this.move(room, next);
  }

  async next(pin: string): Promise<Phase> {
    const room = await this.liveRoom(pin);
    const next = nextPhase(room, await this.questions(pin), this.now());
    await this.move(room, next);
    return next.phase;
  }

  /** A timer may move the room in the same moment (a question closing): the end is tried again from where it went. */
  async end(pin: string): Promise<void> {
    for (let attempt = 0; attempt < END_ATTEMPTS; attempt++) {
      const room = await this.liveRoom(pin);
      if (await this.move(room, endGame(room, 'ended_by_host'))) return;
    }
    throw new GameError('unavailable', 'The game kept moving; try ending it again.');
  }

  async lock(pin: string, locked: boolean): Promise<void> {
    await this.liveRoom(pin);
    await this.store.setLocked(pin, locked);
  }

  async kick(pin: string, playerId: string): Promise<void> {
    const player = await this.store.getPlayer(pin, playerId);
    if (!player || player.kicked) throw new GameError('not_found', 'No such player in this room.');
    await this.store.kickPlayer(pin, playerId, nicknameKey(player.nickname));
    this.outbox.toPlayer(pin, playerId, 'player:kicked', { reason: 'The host removed you from the game.' });
    this.outbox.disconnectPlayer(pin, playerId);
    this.logger.info({ pin, playerId }, 'player kicked');
    this.lobbyChanged(pin, playerId);
    this.progress.schedule(pin);
    await this.withoutKicked(pin);
  }

  /** A kicked player leaves the standings on screen at once: a leaderboard or podium up now is shown again without them. */
  private async withoutKicked(pin: string): Promise<void> {
    this.finalsCache.delete(pin);
    const room = await this.store.getRoom(pin);
    if (room?.phase === 'leaderboard') this.outbox.toRoom(pin, 'leaderboard:show', await this.leaderboard(room));
    if (room?.phase === 'podium') await this.sendPodium(pin);
  }

  async hostState(pin: string): Promise<HostRoomState> {
    const room = await this.requireRoom(pin);
    const [players, answers] = await Promise.all([
      this.lobbyPlayers(pin),
      room.phase === 'question' ? this.store.getAnswers(pin, room.questionIndex) : Promise.resolve([]),
    ]);
    return {
      role: 'host',
      ...(await this.commonState(room, players.length)),
      ...(room.phase === 'podium' || room.phase === 'ended' ? { gameOver: await this.hostGameOver(pin) } : {}),
      settings: { ...room.settings, total: room.total },
      locked: room.locked,
      players,
      answered: answers.length,
      answeredIds: answers.map((a) => a.playerId),
    };
  }

  /** The players still in the game as the host lists them, in joining order. */
  private async lobbyPlayers(pin: string): Promise<HostRoomState['players']> {
    const [players, connected] = await Promise.all([this.store.listPlayers(pin), this.store.connectedIds(pin)]);
    const online = new Set(connected);
    return players.filter((p) => !p.kicked).map((p) => ({ id: p.id, nickname: p.nickname, connected: online.has(p.id) }));
  }

  private answeredLately(pin: string, index: number, playerId: string): void {
    const lately = this.answeredHere.get(pin);
    if (lately?.index === index) lately.playerIds.push(playerId);
    else this.answeredHere.set(pin, { index, playerIds: [playerId] });
  }

  private lobbyChanged(pin: string, playerId: string): void {
    let changed = this.lobbyChanges.get(pin);
    if (!changed) this.lobbyChanges.set(pin, (changed = new Set()));
    changed.add(playerId);
    this.lobby.schedule(pin);
  }

  // ---- players ----

  /**
   * The new player counts as connected at once; the socket layer puts the socket in the room's channels. A 2-step
   * room asks for its shapes once the nickname passes, so the phone asks for them only when they are all it lacks.
   */
  async join(
    pin: string,
    typed: string | undefined,
    shapes?: readonly number[],
  ): Promise<{ player: PlayerRecord; token: string; count: number; room: RoomRecord }> {
    const settings = await this.settingsOf(pin);
    const token = newToken();
    const base = { id: newPlayerId(), tokenHash: hashToken(token), joinedAt: this.now(), streak: 0, kicked: false };
    const generated = settings.nicknameMode === 'generated';
    const typedCheck = generated ? null : checkNickname(typed ?? '');
    if (typedCheck && !typedCheck.ok) throw new GameError('nickname_refused', typedCheck.message);
    if (settings.joinShapes) {
      if (!shapes) throw new GameError('sequence_required');
      if (!shapesMatch(shapes, settings.joinShapes)) throw new GameError('sequence_wrong');
    }
    for (let attempt = 0; attempt < 8; attempt++) {
      const nickname = typedCheck?.ok ? typedCheck.nickname : generatedNickname(attempt);
      const player: PlayerRecord = { ...base, nickname };
      const added = await this.store.addPlayer(pin, player, nicknameKey(nickname), settings.maxPlayers);
      if (added.status === 'ok') {
        this.logger.info({ pin, playerId: player.id }, 'player joined');
        this.lobbyChanged(pin, player.id);
        this.progress.schedule(pin);
        return { player, token, count: added.count, room: added.room };
      }
      if (added.status === 'nickname_taken' && generated) continue;
      throw JOIN_REFUSED[added.status]();
    }
    throw new GameError('nickname_taken');
  }

  /** Whether a join to this PIN cannot fail as a guess: a room this process has seen, without a 2-step sequence. */
  joinCannotGuess(pin: string): boolean {
    const settings = this.settingsCache.get(pin);
    return settings !== undefined && !settings.joinShapes;
  }

  /** Whether this is the room's join key (false for a room that is not there, so a guess learns nothing). */
  async joinKeyOpens(pin: string, joinKey: string): Promise<boolean> {
    const expected = await this.settingsOf(pin).then((settings) => settings.joinKey, () => undefined);
    return expected !== undefined && secretMatches(joinKey, expected);
  }

  async rejoin(pin: string, token: string): Promise<PlayerRecord> {
    // A room that is gone is not_found, so the phone offers a new join rather than "forbidden".
    await this.requireRoom(pin);
    const id = await this.store.playerIdByTokenHash(pin, hashToken(token));
    const player = id ? await this.store.getPlayer(pin, id) : null;
    if (!player || !tokenMatches(token, player.tokenHash)) throw new GameError('forbidden', 'That player token does not belong to this room.');
    if (player.kicked) throw new GameError('forbidden', 'You were removed from this game.');
    return player;
  }

  async playerConnected(pin: string, playerId: string): Promise<void> {
    await this.store.setConnected(pin, playerId, true);
    this.lobbyChanged(pin, playerId);
    this.progress.schedule(pin);
  }

  async playerDisconnected(pin: string, playerId: string): Promise<void> {
    await this.store.setConnected(pin, playerId, false);
    this.lobbyChanged(pin, playerId);
    // One fewer player to wait for may mean everyone left has answered.
    this.progress.schedule(pin);
  }

  async answer(pin: string, playerId: string, questionIndex: number, answer: Answer, timing: AnswerTiming): Promise<void> {
    const room = await this.openQuestion(pin, questionIndex);
    if (room.phase !== 'question' || questionIndex !== room.questionIndex) {
      const past = questionIndex < room.questionIndex || (questionIndex === room.questionIndex && room.phase !== 'lobby');
      if (!past) throw new GameError('wrong_phase', 'That question is not open.');
      throw await this.lateRefusal(pin, questionIndex, playerId, 'That question has closed.');
    }
    if (isLate(timing.receivedAt, room.deadline, timing.rttMs)) throw await this.lateRefusal(pin, questionIndex, playerId, 'Time was up.');
    const question = (await this.questions(pin))[questionIndex]!;
    if (!fitsQuestion(question, answer)) throw new GameError('bad_request', `That is not an answer to a ${question.type} question.`);
    const responseMs = responseTimeMs(Math.max(timing.sentAt ?? room.openedAt, room.openedAt), timing.receivedAt, timing.rttMs);
    const correct = isCorrect(question, answer);
    const ladder = correct ? pointsByStreak(responseMs, room.deadline - room.openedAt, room.settings.pointsMode) : [];
    const outcome = await this.store.recordAnswer(pin, questionIndex, { playerId, answer, correct, responseMs, ladder });
    if (outcome.status === 'closed') throw await this.lateRefusal(pin, questionIndex, playerId, 'That question has closed.');
    if (outcome.status !== 'ok') throw ANSWER_REFUSED[outcome.status]();
    this.answeredLately(pin, questionIndex, playerId);
    this.progress.schedule(pin);
    // The last answer closes the question at once rather than at the host counter's next tick.
    if (outcome.answered >= outcome.connected) {
      void this.closeIfEveryoneAnswered(room, outcome).catch((err: unknown) => this.logger.warn({ err, pin }, 'early close check failed'));
    }
  }

  /** A repeat after the question closed (early, or at its deadline) is a repeat: the player did answer in time. */
  private async lateRefusal(pin: string, questionIndex: number, playerId: string, message: string): Promise<GameError> {
    const earlier = await this.store.getAnswer(pin, questionIndex, playerId);
    return earlier ? ANSWER_REFUSED.already_answered() : new GameError('too_late', message);
  }

  /** The room for an answer to this question: from the cache while it is open there, else from the store. */
  private async openQuestion(pin: string, questionIndex: number): Promise<RoomRecord> {
    const cached = this.openQuestions.get(pin);
    if (cached && cached.questionIndex === questionIndex) return cached;
    const room = await this.requireRoom(pin);
    if (room.phase === 'question') this.openQuestions.set(pin, room);
    return room;
  }

  /** `joined`: the player has just joined (no streak, no answer, no result yet), and this is what the join returned. */
  async playerState(pin: string, playerId: string, joined?: JustJoined): Promise<PlayerRoomState> {
    // Independent reads go out together: one round trip, not three.
    const [room, player, count] = await Promise.all([
      joined?.room ?? this.requireRoom(pin),
      joined ? { nickname: joined.nickname, streak: 0 } : this.store.getPlayer(pin, playerId),
      joined?.count ?? this.store.playerCount(pin),
    ]);
    if (!player) throw new GameError('not_found');
    const state: PlayerRoomState = {
      role: 'player',
      ...(await this.commonState(room, count)),
      playerId,
      nickname: player.nickname,
      score: 0,
      rank: 0,
      streak: player.streak,
      answered: false,
    };
    if (room.phase === 'podium' || room.phase === 'ended') {
      const finals = await this.finals(pin);
      const you = finals.you.get(playerId);
      state.gameOver = { podium: finals.podium, count: finals.count, total: finals.total, ...(you ? { you } : {}) };
      Object.assign(state, you ? { score: you.score, rank: you.rank } : {});
      return state;
    }
    if (joined) return state;
    // While a question is open, show the score as of the last reveal: the new points would give the answer away.
    const settled = room.phase === 'question' ? room.questionIndex - 1 : room.questionIndex;
    const [result, answer] = await Promise.all([
      settled >= 0 ? this.store.getResult(pin, settled, playerId) : null,
      room.phase === 'question' ? this.store.getAnswer(pin, room.questionIndex, playerId) : null,
    ]);
    if (result) Object.assign(state, { score: result.score, rank: result.rank });
    if (room.phase === 'question') state.answered = answer !== null;
    else if (result) state.result = result;
    return state;
  }

  // ---- the clock and the transitions ----

  /**
   * Persists a transition once (compare-and-set), arms the room's clock and announces it. Once the
   * transition is stored it has happened: a failed announcement is retried, never reported as a failed move.
   */
  private async move(from: RoomRecord, planned: RoomRecord): Promise<boolean> {
    // Questions open a few at a time, each timed from its turn. When many rooms open at once their stores
    // come back together and each announcement waits for those before it; timed from before that wait, a
    // room's players would lose it from their answering time.
    const opening = planned.phase === 'question';
    if (opening) {
      await this.opening.enter();
      await this.turns.take();
    }
    const to = opening ? reopenAt(planned, this.now()) : planned;
    let claimed: Promise<void> | undefined;
    try {
      if (!(await this.store.updateRoom(from.pin, from, to))) return false;
      if (opening) this.openQuestions.set(to.pin, to);
      else this.openQuestions.delete(to.pin);
      this.logger.info({ pin: to.pin, phase: to.phase, questionIndex: to.questionIndex }, 'room moved');
      // The lease claim goes out beside the announcement: the players need not wait a round trip for it.
      // An ended room has no clock left to run, and its announcement hands the lease back.
      if (to.phase !== 'ended') {
        claimed = this.runClockHere(to.pin).catch((err: unknown) => this.logger.warn({ err: (err as Error).message, pin: to.pin }, 'lease claim failed'));
      }
      this.arm(to);
      if (opening) await this.announceReliably(to, 0);
    } finally {
      if (opening) this.opening.leave();
    }
    await Promise.all([claimed, opening ? undefined : this.announceReliably(to, 0)]);
    return true;
  }

  private async announceReliably(room: RoomRecord, attempt: number): Promise<void> {
    try {
      await this.announce(room);
    } catch (err) {
      if (attempt >= ANNOUNCE_RETRIES) {
        this.logger.error({ err, pin: room.pin, phase: room.phase }, 'announcement abandoned');
        return;
      }
      this.logger.warn({ err: (err as Error).message, pin: room.pin, phase: room.phase }, 'announcement failed; retrying');
      setTimeout(() => void this.reannounce(room, attempt + 1), RETRY_MS);
    }
  }

  private async reannounce(room: RoomRecord, attempt: number): Promise<void> {
    const current = await this.store.getRoom(room.pin).catch(() => undefined);
    if (current === null || (current && (current.phase !== room.phase || current.questionIndex !== room.questionIndex))) return;
    await this.announceReliably(room, attempt);
  }

  private arm(room: RoomRecord): void {
    const at = nextTimer(room, closeAt, this.lobbyTtlMs);
    if (at === null) {
      this.clock.cancel(room.pin);
      return;
    }
    const expected = { phase: room.phase, questionIndex: room.questionIndex };
    this.clock.set(room.pin, at, () => void this.onTimer(room.pin, expected));
  }

  private async onTimer(pin: string, expected: Pick<RoomRecord, 'phase' | 'questionIndex'>): Promise<void> {
    try {
      const room = await this.store.getRoom(pin);
      if (!room || room.phase !== expected.phase || room.questionIndex !== expected.questionIndex) return;
      await this.move(room, onClock(room, await this.questions(pin), this.now()));
    } catch (err) {
      this.logger.error({ err: (err as Error).message, pin }, 'room timer failed; retrying');
      // The store may be away for a moment: try again shortly rather than leave the room stuck.
      this.clock.set(pin, this.now() + RETRY_MS, () => void this.onTimer(pin, expected));
    }
  }

  private async announce(room: RoomRecord): Promise<void> {
    const pin = room.pin;
    switch (room.phase) {
      case 'question': {
        const question = (await this.questions(pin))[room.questionIndex]!;
        this.outbox.toRoom(pin, 'question:open', questionOpenView(room, question));
        this.progress.schedule(pin);
        return;
      }
      case 'reveal':
        return this.reveal(room);
      case 'leaderboard': {
        const board = await this.leaderboard(room);
        await this.turns.take();
        this.outbox.toRoom(pin, 'leaderboard:show', board);
        return;
      }
      case 'podium':
        return this.podium(pin);
      case 'ended':
        // Kept before anyone is told, so a failed save is retried with the announcement and not lost.
        if (room.endedEarly) await this.saveReport(pin, (await this.finals(pin)).report);
        this.outbox.toRoom(pin, 'room:closed', closedNotice(room.closedAs ?? 'finished'));
        this.forget(pin);
        await this.store.releaseLease(pin, this.owner);
        await this.store.expireRoom(pin, this.finishedTtlSec);
        return;
      case 'lobby':
        return;
    }
  }

  /** Drops what this process holds for a room that has closed. */
  private forget(pin: string): void {
    this.clock.cancel(pin);
    this.progress.forget(pin);
    this.lobby.forget(pin);
    this.lobbyChanges.delete(pin);
    this.answeredHere.delete(pin);
    this.owned.delete(pin);
    this.openQuestions.delete(pin);
    this.questionCache.delete(pin);
    this.nicknameCache.delete(pin);
  }

  /** Everyone still in the game (kicked players are off the scores), best first. */
  private async ranked(pin: string): Promise<Ranked[]> {
    const scores = await this.store.scores(pin);
    const nick = await this.nicknamesOf(pin, scores.map((s) => s.playerId));
    return rankAll(scores.map((s) => ({ ...s, nickname: nick.get(s.playerId) ?? '?' })));
  }

  /** A nickname never changes once its player has joined, so this process reads each one once, not at every ranking. */
  private async nicknamesOf(pin: string, playerIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    let known = this.nicknameCache.get(pin);
    if (!known) this.nicknameCache.set(pin, (known = new Map()));
    const missing = playerIds.filter((id) => !known.has(id));
    for (const [id, nickname] of await this.store.nicknames(pin, missing)) known.set(id, nickname);
    return known;
  }

  private async reveal(room: RoomRecord): Promise<void> {
    const pin = room.pin;
    const index = room.questionIndex;
    const question = (await this.questions(pin))[index]!;
    // The question is closed, so answers and scores are final: the reads go out together, and so do the writes
    // (one round trip each on Redis, where a hundred rooms revealing at once otherwise queue four apiece).
    const [answers, ranked] = await Promise.all([this.store.getAnswers(pin, index), this.ranked(pin)]);
    await this.turns.take();
    const byPlayer = new Map(answers.map((a) => [a.playerId, a]));
    const results = new Map<string, PlayerResult>();
    for (const me of ranked) results.set(me.playerId, playerResultView(index, me, ranked, byPlayer.get(me.playerId)));
    await Promise.all([
      this.store.resetStreaks(pin, ranked.filter((r) => !byPlayer.has(r.playerId)).map((r) => r.playerId)),
      this.store.saveResults(pin, index, results),
    ]);
    await this.turns.take();
    this.outbox.toRoom(pin, 'question:reveal', revealView(index, question, answers));
    for (const [playerId, result] of results) this.outbox.toPlayer(pin, playerId, 'player:result', result);
  }

  private async leaderboard(room: RoomRecord) {
    const ranked = await this.ranked(room.pin);
    // Before the first question everyone was tied, so no arrow after it: it would show all but the leader dropping.
    const previous = room.questionIndex > 0 ? previousRanks(ranked, await this.store.getAnswers(room.pin, room.questionIndex)) : undefined;
    return { index: room.questionIndex, total: room.total, top: ranked.slice(0, 5).map((r) => toStanding(r, previous)), count: ranked.length };
  }

  private async podium(pin: string): Promise<void> {
    await this.saveReport(pin, (await this.sendPodium(pin)).report);
  }

  private async sendPodium(pin: string): Promise<Finals> {
    const finals = await this.finals(pin);
    await this.turns.take();
    const base = { podium: finals.podium, count: finals.count, total: finals.total };
    this.outbox.toHosts(pin, 'game:over', { ...base, report: hostReport(finals.report) });
    for (const [playerId, you] of finals.you) this.outbox.toPlayer(pin, playerId, 'game:over', { ...base, you });
    return finals;
  }

  /**
   * Keeps the report under the room's owner. The podium may be announced again after a failure (this
   * throwing is one), so the store keeps the first save of a room's report and ignores the others.
   */
  private async saveReport(pin: string, analysis: GameAnalysis): Promise<void> {
    if (!this.reports) return;
    const room = await this.requireRoom(pin);
    await this.reports.save(room.settings.ownerId ?? OPEN_BUCKET, savedReport(room, analysis, this.now()));
    this.logger.info({ pin }, 'report saved');
  }

  private async hostGameOver(pin: string): Promise<GameOver> {
    const finals = await this.finals(pin);
    return { podium: finals.podium, count: finals.count, total: finals.total, report: hostReport(finals.report) };
  }

  /** Final standings, computed once per room: every rejoin after the podium reads the same figures. */
  private finals(pin: string): Promise<Finals> {
    let cached = this.finalsCache.get(pin);
    if (!cached) {
      cached = this.computeFinals(pin);
      cached.catch(() => this.finalsCache.delete(pin));
      this.finalsCache.set(pin, cached);
    }
    return cached;
  }

  /** A game ended early is summed up over the questions it played, the one open at the end included. */
  private async computeFinals(pin: string): Promise<Finals> {
    const [all, room] = await Promise.all([this.questions(pin), this.requireRoom(pin)]);
    const questions = room.endedEarly ? all.slice(0, room.questionIndex + 1) : all;
    const [ranked, players] = await Promise.all([this.ranked(pin), this.store.listPlayers(pin)]);
    const perQuestion = await Promise.all(
      questions.map(async (_, i) => new Map((await this.store.getAnswers(pin, i)).map((a) => [a.playerId, a]))),
    );
    const you = new Map<string, NonNullable<GameOver['you']>>();
    for (const r of ranked) {
      const correct = perQuestion.filter((answers) => answers.get(r.playerId)?.correct).length;
      you.set(r.playerId, { rank: r.rank, score: r.score, correct, missed: missedQuestions(questions, perQuestion, r.playerId) });
    }
    return {
      podium: ranked.slice(0, 3).map((r) => toStanding(r)),
      count: ranked.length,
      total: questions.length,
      report: gameReport(questions, perQuestion, players, ranked),
      you,
    };
  }

  // ---- throttled host counters and the early close ----

  private async sendProgress(pin: string): Promise<void> {
    try {
      // The open question's record when this process holds it (up to four times a second per room, so no
      // room read); the counts are read fresh either way.
      const room = this.openQuestions.get(pin) ?? (await this.store.getRoom(pin));
      if (!room || room.phase !== 'question') {
        this.answeredHere.delete(pin);
        return;
      }
      const [answered, connected] = await Promise.all([
        this.store.answerCount(pin, room.questionIndex),
        this.store.connectedCount(pin),
      ]);
      this.outbox.toHostsCounter(pin, 'question:progress', { index: room.questionIndex, answered, connected });
      // Unlike the counts, who answered is a change only this process saw: to every host screen, wherever it is.
      const lately = this.answeredHere.get(pin);
      this.answeredHere.delete(pin);
      if (lately?.index === room.questionIndex) this.outbox.toHosts(pin, 'question:answered', { index: lately.index, playerIds: lately.playerIds });
      await this.closeIfEveryoneAnswered(room, { answered, connected });
    } catch (err) {
      this.logger.warn({ err, pin }, 'progress update failed');
    }
  }

  /** Closes an open question once every connected player has answered; the counts are a cheap first test. */
  private async closeIfEveryoneAnswered(room: RoomRecord, counts?: { answered: number; connected: number }): Promise<void> {
    const [answered, connected] = counts
      ? [counts.answered, counts.connected]
      : await Promise.all([this.store.answerCount(room.pin, room.questionIndex), this.store.connectedCount(room.pin)]);
    if (answered >= connected && (await this.everyoneAnswered(room))) await this.move(room, closeQuestion(room, this.now()));
  }

  /** Exact check, run only when the counts say it may be true: every connected player has an answer in. */
  private async everyoneAnswered(room: RoomRecord): Promise<boolean> {
    const [connected, answers] = await Promise.all([
      this.store.connectedIds(room.pin),
      this.store.getAnswers(room.pin, room.questionIndex),
    ]);
    if (connected.length === 0) return false;
    const answered = new Set(answers.map((a) => a.playerId));
    return connected.every((id) => answered.has(id));
  }

  /**
   * The players whose line changed, read as they are now: a drop and a quick return on another process
   * end up as the store has them, whichever update the host hears last.
   */
  private async sendLobby(pin: string): Promise<void> {
    const changed = this.lobbyChanges.get(pin);
    if (!changed) return;
    this.lobbyChanges.delete(pin);
    try {
      const [current, count] = await Promise.all([this.store.presence(pin, [...changed]), this.store.playerCount(pin)]);
      if (this.stopped) return;
      const players = current.filter((p) => !p.kicked).map(({ id, nickname, connected }) => ({ id, nickname, connected }));
      const removed = current.filter((p) => p.kicked).map((p) => p.id);
      // To the hosts on every process: each process sends only the changes it saw.
      this.outbox.toHosts(pin, 'lobby:update', { players, removed, count });
    } catch (err) {
      // Carried by the next update instead, whenever the next change asks for one.
      const since = this.lobbyChanges.get(pin);
      this.lobbyChanges.set(pin, since ? new Set([...changed, ...since]) : changed);
      this.logger.warn({ err, pin }, 'lobby update failed');
    }
  }

  // ---- reads ----

  private async commonState(room: RoomRecord, count: number) {
    const common = {
      pin: room.pin,
      phase: room.phase,
      questionIndex: room.questionIndex,
      total: room.total,
      count,
      serverTime: this.now(),
    };
    if (room.phase === 'question') {
      return { ...common, question: questionOpenView(room, (await this.questions(room.pin))[room.questionIndex]!) };
    }
    if (room.phase === 'reveal') {
      const question = (await this.questions(room.pin))[room.questionIndex]!;
      return { ...common, reveal: revealView(room.questionIndex, question, await this.store.getAnswers(room.pin, room.questionIndex)) };
    }
    if (room.phase === 'leaderboard') return { ...common, leaderboard: await this.leaderboard(room) };
    return common;
  }

  private async questions(pin: string): Promise<Question[]> {
    let questions = this.questionCache.get(pin);
    if (!questions) {
      questions = (await this.store.getQuestions(pin)) ?? undefined;
      if (!questions) throw new GameError('not_found');
      this.questionCache.set(pin, questions);
    }
    return questions;
  }

  private async requireRoom(pin: string): Promise<RoomRecord> {
    const room = await this.store.getRoom(pin);
    if (!room) throw new GameError('not_found', 'No game with that PIN.');
    this.settingsCache.set(pin, room.settings);
    return room;
  }

  /** A room's settings never change, so a join needs no read of the room once this process has seen it. */
  private async settingsOf(pin: string): Promise<RoomRecord['settings']> {
    return this.settingsCache.get(pin) ?? (await this.requireRoom(pin)).settings;
  }

  private async liveRoom(pin: string): Promise<RoomRecord> {
    const room = await this.requireRoom(pin);
    if (room.phase === 'ended') throw new GameError('wrong_phase', 'This game has ended.');
    return room;
  }
}
