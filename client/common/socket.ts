import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientEventName,
  ClientPayloadInput,
  ClientResult,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../shared/index.js';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(): GameSocket {
  // WebSocket first: on a slow phone the long-polling-then-upgrade dance costs round trips and can time out
  // mid-upgrade, dropping the session; polling stays as the fallback where WebSockets are blocked.
  return io({ transports: ['websocket', 'polling'], tryAllTransports: true });
}

type Emit = <E extends ClientEventName>(event: E, payload: ClientPayloadInput<E>) => Promise<Ack<ClientResult<E>>>;

/** Emits with an ack; a timeout becomes an `unavailable` failure so callers handle one shape. */
export async function request<E extends ClientEventName>(
  socket: GameSocket,
  event: E,
  payload: ClientPayloadInput<E>,
  timeoutMs = 8000,
): Promise<Ack<ClientResult<E>>> {
  const timed = socket.timeout(timeoutMs);
  const emit = timed.emitWithAck.bind(timed) as unknown as Emit;
  try {
    return await emit(event, payload);
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'The server did not answer in time.' } };
  }
}
