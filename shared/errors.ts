import { z } from 'zod';

/** The closed set of error codes an ack can carry. Clients switch on these; never rename one. */
export const ERROR_CODES = {
  bad_request: 'The payload did not match the event schema.',
  not_found: 'No such room, player or quiz.',
  forbidden: 'This socket may not do that (wrong role, bad token, or kicked).',
  room_locked: 'The host has locked the room to new players.',
  room_full: 'The room has reached its player limit.',
  nickname_taken: 'Another player in the room already uses that nickname or one that looks the same (case, width and look-alike letters are ignored).',
  nickname_refused: 'The nickname is empty, only invisible characters, has too many stacked accent marks, is too long, or is not allowed; the message says which.',
  wrong_phase: 'The room is not in a phase where this is allowed.',
  no_players: 'The game cannot start before a player has joined.',
  already_answered: 'This player already answered this question.',
  too_late: 'The answer arrived after the question closed.',
  already_joined: 'This connection already holds a seat in a game.',
  sequence_required: 'This game uses 2-step join: tap the four shapes shown on the big screen.',
  sequence_wrong: 'Those are not the shapes on the big screen.',
  rate_limited: 'Too many requests; slow down and try again.',
  unavailable: 'The store is unreachable for the moment; try again.',
  internal: 'Unexpected server error; the room goes on.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const errorSchema = z.object({ code: errorCodeSchema, message: z.string() });
export type WireError = z.infer<typeof errorSchema>;

export type AckFail = { ok: false; error: WireError };
export type AckOk<T> = { ok: true } & T;
export type Ack<T> = AckOk<T> | AckFail;

/** An error that carries its wire code, thrown by the server's rules and turned into a failed ack. */
export class GameError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
  ) {
    super(message);
    this.name = 'GameError';
  }
}

export function fail(code: ErrorCode, message: string = ERROR_CODES[code]): AckFail {
  return { ok: false, error: { code, message } };
}
