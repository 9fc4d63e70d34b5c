import type { CloseReason, ServerPayload } from '../../shared/server-events.js';

/** What the phones and the big screen say when a room closes, by why it closed. */
const CLOSED_TEXT: Record<CloseReason, string> = {
  finished: 'The game has ended.',
  ended_by_host: 'The host ended the game.',
  host_left: 'The host left, so the game has closed.',
  lobby_idle: 'Nobody started this game, so it has closed.',
  lost: 'The server lost this game (its data store restarted empty). Join a new one.',
};

export function closedNotice(code: CloseReason): ServerPayload<'room:closed'> {
  return { code, reason: CLOSED_TEXT[code] };
}
