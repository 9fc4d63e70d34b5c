import { z } from 'zod';

export const pinSchema = z.string().regex(/^\d{6}$/, 'a PIN is 6 digits');
/** 128 random bits as 32 hex digits. */
export const tokenSchema = z.string().regex(/^[0-9a-f]{32}$/, 'a token is 32 hex digits');
/** A room's join key, for its QR link: 128 random bits in base64url, unlike a token so no log confuses them. */
export const joinKeySchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'a join key is 22 base64url characters');
export const playerIdSchema = z.string().regex(/^[0-9a-f]{12}$/, 'a player id is 12 hex digits');

export const POINTS_MODES = ['standard', 'double', 'none'] as const;
export const NICKNAME_MODES = ['typed', 'generated'] as const;

export const MAX_PLAYERS = 2000;

export const roomOptionsSchema = z.object({
  quizId: z.string().min(1).max(64),
  questionCount: z.number().int().min(1).max(200).optional(),
  /** Overrides every question's own limit when set. */
  timeLimitSec: z.number().int().min(5).max(120).optional(),
  /** On unless the host turns it off, so an answer key passed round by position is no use. */
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  pointsMode: z.enum(POINTS_MODES).default('standard'),
  /** Seconds a reveal and a leaderboard stay up before the room moves on by itself; 0 leaves it to the host. */
  autoAdvanceSec: z.number().int().min(0).max(60).default(0),
  maxPlayers: z.number().int().min(1).max(MAX_PLAYERS).default(MAX_PLAYERS),
  nicknameMode: z.enum(NICKNAME_MODES).default('typed'),
  /** 2-step join: after the PIN a player taps the four shapes the big screen shows (see `joinShapesSchema`). */
  twoStepJoin: z.boolean().default(false),
});
export type RoomOptions = z.infer<typeof roomOptionsSchema>;

/** The answer shapes, 0 ▲ 1 ◆ 2 ● 3 ■: a 2-step join's sequence is four of them, repeats allowed. */
export const joinShapesSchema = z.array(z.number().int().min(0).max(3)).length(4);

/** A raw nickname as typed; the server normalises and checks it further (see server/game/nickname.ts). */
export const nicknameInputSchema = z.string().max(100);

/** single and truefalse: an option index; multi: the chosen indexes; typed: the text. */
export const answerSchema = z.union([
  z.number().int().min(0).max(3),
  z.array(z.number().int().min(0).max(3)).min(1).max(4),
  z.string().max(100),
]);
export type Answer = z.infer<typeof answerSchema>;

const empty = z.object({}).default({});

/** Every client-to-server event: its payload schema and the fields of a successful ack. */
export const clientEvents = {
  'host:create': {
    payload: roomOptionsSchema,
    result: z.object({ pin: pinSchema, hostToken: tokenSchema }),
    doc: 'Create a room from a quiz. The host token is the only key to the room: keep it.',
  },
  'host:attach': {
    payload: z.object({ pin: pinSchema, hostToken: tokenSchema }),
    result: z.object({ pin: pinSchema }),
    doc: 'Take control of a room (a reloaded page or a second screen). A room:state follows.',
  },
  'host:start': { payload: empty, result: z.object({}), doc: 'Open the first question.' },
  'host:next': {
    payload: empty,
    result: z.object({ phase: z.string() }),
    doc: 'Move on: close an open question early, reveal to leaderboard, leaderboard to the next question or the podium, podium to ended.',
  },
  'host:kick': { payload: z.object({ playerId: playerIdSchema }), result: z.object({}), doc: 'Remove a player; their token stops working.' },
  'host:lock': { payload: z.object({ locked: z.boolean() }), result: z.object({ locked: z.boolean() }), doc: 'Refuse or allow new players.' },
  'host:end': {
    payload: empty,
    result: z.object({}),
    doc: 'Close the room for everyone. A game stopped before its podium keeps a report of the questions it played, marked as ended early.',
  },
  'player:join': {
    payload: z.object({
      pin: pinSchema,
      nickname: nicknameInputSchema.optional(),
      /** A 2-step room's shape sequence, as the big screen shows it. */
      shapes: joinShapesSchema.optional(),
      /** The room's join key from its QR link: it lets a phone past the wrong-PIN limit of its network. */
      joinKey: joinKeySchema.optional(),
    }),
    result: z.object({ playerId: playerIdSchema, playerToken: tokenSchema, nickname: z.string() }),
    doc: 'Join a room, once per connection (`already_joined` after; a join to another room moves the connection there). In a room with generated nicknames the typed one is ignored. A 2-step room answers `sequence_required` until the shapes come along. A room:state follows.',
  },
  'player:rejoin': {
    payload: z.object({ pin: pinSchema, playerToken: tokenSchema }),
    result: z.object({ playerId: playerIdSchema, nickname: z.string(), score: z.number() }),
    doc: 'Come back after a reload or a dropped connection, with the same score and streak. A room:state follows.',
  },
  'player:answer': {
    payload: z.object({ questionIndex: z.number().int().min(0).max(199), answer: answerSchema }),
    result: z.object({ accepted: z.literal(true) }),
    doc: 'Answer the open question, once. The ack never says whether it was right.',
  },
  'time:sync': {
    payload: z.object({ clientSentAt: z.number().finite() }),
    result: z.object({ serverTime: z.number() }),
    doc: 'Clock offset and round-trip time, for the countdown.',
  },
} as const;

export type ClientEventName = keyof typeof clientEvents;
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['payload']>;
export type ClientPayloadInput<E extends ClientEventName> = z.input<(typeof clientEvents)[E]['payload']>;
export type ClientResult<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['result']>;
