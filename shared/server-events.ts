import { z } from 'zod';
import { joinShapesSchema, NICKNAME_MODES, POINTS_MODES, playerIdSchema } from './client-events.js';
import { questionTypeSchema, sectionSchema } from './quiz.js';

/** Why a room closed: its last announcement says so, and the phones show it. */
export const CLOSE_REASONS = ['finished', 'ended_by_host', 'host_left', 'lobby_idle', 'lost'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const PHASES = ['lobby', 'question', 'reveal', 'leaderboard', 'podium', 'ended'] as const;
export const phaseSchema = z.enum(PHASES);
export type Phase = z.infer<typeof phaseSchema>;

/** A question as players see it while it is open: no answer in it. */
export const questionOpenSchema = z.object({
  index: z.number().int(),
  total: z.number().int(),
  type: questionTypeSchema,
  text: z.string(),
  options: z.array(z.string()),
  openedAt: z.number(),
  deadline: z.number(),
  timeLimitMs: z.number().int(),
});
export type QuestionOpen = z.infer<typeof questionOpenSchema>;

export const revealSchema = z.object({
  index: z.number().int(),
  type: questionTypeSchema,
  text: z.string(),
  options: z.array(z.string()),
  /** Correct option indexes; empty for typed questions. */
  correct: z.array(z.number().int()),
  /** For typed questions: the accepted spellings (the first is the canonical answer). */
  accepted: z.array(z.string()),
  /** Choice questions: players per option. Typed: [right, wrong]. */
  distribution: z.array(z.number().int()),
  answered: z.number().int(),
  explanation: z.string(),
  section: sectionSchema,
});
export type Reveal = z.infer<typeof revealSchema>;

export const playerResultSchema = z.object({
  index: z.number().int(),
  answered: z.boolean(),
  correct: z.boolean(),
  points: z.number().int(),
  score: z.number().int(),
  rank: z.number().int(),
  streak: z.number().int(),
  /** Points to the player just above, and their nickname; absent for the leader. */
  behindBy: z.number().int().optional(),
  behindNickname: z.string().optional(),
});
export type PlayerResult = z.infer<typeof playerResultSchema>;

export const standingSchema = z.object({
  playerId: playerIdSchema,
  nickname: z.string(),
  score: z.number().int(),
  rank: z.number().int(),
  /** Rank before the last question, for the arrows on the big screen. */
  previousRank: z.number().int().optional(),
});
export type Standing = z.infer<typeof standingSchema>;

export const leaderboardSchema = z.object({
  index: z.number().int(),
  total: z.number().int(),
  top: z.array(standingSchema).max(5),
  count: z.number().int(),
});
export type Leaderboard = z.infer<typeof leaderboardSchema>;

export const missedQuestionSchema = z.object({
  index: z.number().int(),
  text: z.string(),
  answer: z.string(),
  explanation: z.string(),
  section: sectionSchema,
});

export const questionReportSchema = z.object({
  index: z.number().int(),
  text: z.string(),
  answered: z.number().int(),
  correct: z.number().int(),
  shareCorrect: z.number(),
  averageResponseMs: z.number().int().nullable(),
});

export const playerReportSchema = z.object({
  nickname: z.string(),
  score: z.number().int(),
  rank: z.number().int(),
  correct: z.number().int(),
  answered: z.number().int(),
});

export const gameOverSchema = z.object({
  podium: z.array(standingSchema).max(3),
  count: z.number().int(),
  total: z.number().int(),
  /** Players only: their own final place and a study list of what they missed. */
  you: z
    .object({ rank: z.number().int(), score: z.number().int(), correct: z.number().int(), missed: z.array(missedQuestionSchema) })
    .optional(),
  /** Host only: the game's report. */
  report: z.object({ questions: z.array(questionReportSchema), players: z.array(playerReportSchema) }).optional(),
});
export type GameOver = z.infer<typeof gameOverSchema>;

export const lobbyPlayerSchema = z.object({
  id: playerIdSchema,
  nickname: z.string(),
  connected: z.boolean(),
});
export type LobbyPlayer = z.infer<typeof lobbyPlayerSchema>;

/**
 * What changed on the host's player list since the last update: the list itself comes with the room's state,
 * so an update costs what changed, not the room's size.
 */
export const lobbyUpdateSchema = z.object({
  /** Players who joined, dropped or came back, each as they are now. */
  players: z.array(lobbyPlayerSchema),
  /** Players the host removed. */
  removed: z.array(playerIdSchema),
  /** Players in the game. */
  count: z.number().int(),
});
export type LobbyUpdate = z.infer<typeof lobbyUpdateSchema>;

/** The host's list after an update: changed players replaced in place, new ones at the end, removed ones gone. */
export function applyLobbyUpdate(players: readonly LobbyPlayer[], update: Pick<LobbyUpdate, 'players' | 'removed'>): LobbyPlayer[] {
  const byId = new Map(players.map((p) => [p.id, p]));
  for (const p of update.players) byId.set(p.id, p);
  for (const id of update.removed) byId.delete(id);
  return [...byId.values()];
}

export const roomSettingsSchema = z.object({
  quizId: z.string(),
  title: z.string(),
  total: z.number().int(),
  pointsMode: z.enum(POINTS_MODES),
  autoAdvanceSec: z.number().int(),
  maxPlayers: z.number().int(),
  nicknameMode: z.enum(NICKNAME_MODES),
  /** Host only, for the QR link: lets phones past their network's wrong-PIN limit. */
  joinKey: z.string().optional(),
  /** Host only, for the big screen: a 2-step room's shape sequence. */
  joinShapes: joinShapesSchema.optional(),
});
export type RoomSettings = z.infer<typeof roomSettingsSchema>;

const commonState = {
  pin: z.string(),
  phase: phaseSchema,
  questionIndex: z.number().int(),
  total: z.number().int(),
  count: z.number().int(),
  serverTime: z.number(),
  question: questionOpenSchema.optional(),
  reveal: revealSchema.optional(),
  leaderboard: leaderboardSchema.optional(),
  gameOver: gameOverSchema.optional(),
};

export const roomStateSchema = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('host'),
    ...commonState,
    settings: roomSettingsSchema,
    locked: z.boolean(),
    players: z.array(lobbyPlayerSchema),
    answered: z.number().int(),
    /** While a question is open: the players who have answered it, for the host's players panel. */
    answeredIds: z.array(playerIdSchema),
  }),
  z.object({
    role: z.literal('player'),
    ...commonState,
    playerId: playerIdSchema,
    nickname: z.string(),
    score: z.number().int(),
    rank: z.number().int(),
    streak: z.number().int(),
    /** Whether this player already answered the open question. */
    answered: z.boolean(),
    result: playerResultSchema.optional(),
  }),
]);
export type RoomState = z.infer<typeof roomStateSchema>;
export type HostRoomState = Extract<RoomState, { role: 'host' }>;
export type PlayerRoomState = Extract<RoomState, { role: 'player' }>;

/** Every server-to-client event and its payload. */
export const serverEvents = {
  'room:state': { payload: roomStateSchema, doc: 'Full snapshot for the receiver\'s role, on join, attach and rejoin.' },
  'lobby:update': { payload: lobbyUpdateSchema, doc: 'Host only: players who joined, dropped, came back or were removed since the last update (throttled); apply to the list from `room:state`.' },
  'question:open': { payload: questionOpenSchema, doc: 'Everyone: a question opens. Never carries the answer.' },
  'question:progress': {
    payload: z.object({ index: z.number().int(), answered: z.number().int(), connected: z.number().int() }),
    doc: 'Host only: answers so far (throttled to 4 a second).',
  },
  'question:answered': {
    payload: z.object({ index: z.number().int(), playerIds: z.array(playerIdSchema) }),
    doc: 'Host only: players who answered the open question since the last update (throttled like question:progress); add them to `answeredIds` from `room:state`.',
  },
  'question:reveal': { payload: revealSchema, doc: 'Everyone: the question closed; the answer and how the room voted.' },
  'player:result': { payload: playerResultSchema, doc: 'Each player, their own: right or not, points, score, rank, streak.' },
  'leaderboard:show': { payload: leaderboardSchema, doc: 'Everyone: the top 5 after a question.' },
  'game:over': { payload: gameOverSchema, doc: 'Everyone: the podium; a player also gets their own place, the host the report.' },
  'player:kicked': { payload: z.object({ reason: z.string() }), doc: 'The host removed this player.' },
  'room:closed': {
    payload: z.object({ code: z.enum(CLOSE_REASONS), reason: z.string() }),
    doc: 'The room is gone: it finished, the host ended it, the host was gone too long, its lobby was never started, or the server lost it. `reason` says which in words.',
  },
  'server:restarting': { payload: z.object({ retryAfterMs: z.number().int() }), doc: 'The server is shutting down; reconnect and rejoin.' },
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerPayload<E extends ServerEventName> = z.infer<(typeof serverEvents)[E]['payload']>;
