import type { ErrorCode, WireError } from '../../shared/index.js';

/**
 * What a player reads for each refusal; codes not listed show the server's own message. A refused nickname is
 * one of those: it has several reasons (taken, too long, invisible characters, not allowed) and the server names which.
 */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  bad_request: 'A game PIN is 6 digits. Check the number on the big screen.',
  not_found: 'No game with that PIN. Check the number on the big screen.',
  forbidden: 'You are no longer in this game.',
  room_locked: 'The host has locked this game. Ask them to let you in.',
  room_full: 'This game is full.',
  wrong_phase: 'The game has moved on. Wait for the next question.',
  already_answered: 'You already answered this question.',
  too_late: "Too late: time's up for this question.",
  already_joined: 'This phone is already in a game. Reload the page to start again.',
  sequence_required: 'Tap the four shapes shown on the big screen.',
  sequence_wrong: 'Those are not the shapes on the big screen. Look again and tap them in order.',
  rate_limited: 'Too many tries. Wait a few seconds and try again.',
  unavailable: 'The game server is busy or unreachable. Try again in a moment.',
  internal: 'Something went wrong on the server. Try again.',
};

export function messageFor(error: WireError): string {
  return MESSAGES[error.code] ?? error.message;
}
