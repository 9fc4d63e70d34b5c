import { io as connect, type Socket } from 'socket.io-client';
import type { ClientEventName, ClientPayloadInput, ClientResult } from '../../shared/client-events.js';
import type { Ack } from '../../shared/errors.js';
import type { ServerEventName, ServerPayload } from '../../shared/server-events.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket-types.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client over WebSocket, as the browser client connects. */
export async function connectClient(url: string, headers?: Record<string, string>): Promise<TestSocket> {
  const socket: TestSocket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

export function emitAck<E extends ClientEventName>(socket: TestSocket, event: E, payload: ClientPayloadInput<E>): Promise<Ack<ClientResult<E>>> {
  type Emit = (event: string, payload: unknown, ack: (r: unknown) => void) => void;
  return new Promise((resolve) => (socket.emit as unknown as Emit)(event, payload, (r) => resolve(r as Ack<ClientResult<E>>)));
}

/** Like emitAck, but fails the test on `ok: false`. */
export async function must<E extends ClientEventName>(socket: TestSocket, event: E, payload: ClientPayloadInput<E>): Promise<ClientResult<E>> {
  const response = await emitAck(socket, event, payload);
  if (!response.ok) throw new Error(`${event} failed: ${response.error.code} ${response.error.message}`);
  return response;
}

/** Resolves with the next payload of an event that satisfies the predicate. */
export function next<E extends ServerEventName>(
  socket: TestSocket,
  event: E,
  predicate: (payload: ServerPayload<E>) => boolean = () => true,
): Promise<ServerPayload<E>> {
  type On = (event: string, listener: (payload: ServerPayload<E>) => void) => void;
  return new Promise((resolve) => {
    const listener = (payload: ServerPayload<E>) => {
      if (!predicate(payload)) return;
      (socket.off as unknown as On)(event, listener);
      resolve(payload);
    };
    (socket.on as unknown as On)(event, listener);
  });
}

/** Records every payload of the listed events, so a test can look back at what arrived. */
export function record(socket: TestSocket, events: readonly ServerEventName[]): Map<ServerEventName, unknown[]> {
  const seen = new Map<ServerEventName, unknown[]>(events.map((e) => [e, []]));
  type On = (event: string, listener: (payload: unknown) => void) => void;
  for (const event of events) (socket.on as unknown as On)(event, (payload) => seen.get(event)!.push(payload));
  return seen;
}
