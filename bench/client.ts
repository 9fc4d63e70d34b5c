import { io, type ManagerOptions, type Socket, type SocketOptions as IoSocketOptions } from 'socket.io-client';
import type { ClientEventName, ClientPayloadInput, ClientResult } from '../shared/client-events.js';
import type { Ack } from '../shared/errors.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/socket-types.js';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 15_000;

export interface SocketOptions {
  /** The source address (any of 127.0.0.0/8 on Linux), so a client can come from an IP of its own. */
  localAddress?: string;
  /** A signed-in host's session cookie. */
  cookie?: string;
}

/** WebSocket only (no polling upgrade dance), one connection per client, and no reconnection: a drop is a finding. */
export function openSocket(url: string, { localAddress, cookie }: SocketOptions = {}): BenchSocket {
  // engine.io-client hands localAddress and extraHeaders to the ws transport in Node; its typings leave the first out.
  const options = {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 20_000,
    localAddress,
    extraHeaders: cookie ? { cookie } : undefined,
  } as Partial<ManagerOptions & IoSocketOptions>;
  return io(url, options);
}

export function connected(socket: BenchSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

/** The server's ack, or a `timeout` failure when none came: a missing ack must count, not hang the run. */
export type Reply<T> = Ack<T> | { ok: false; error: { code: 'timeout'; message: string } };

export async function request<E extends ClientEventName>(socket: BenchSocket, event: E, payload: ClientPayloadInput<E>): Promise<Reply<ClientResult<E>>> {
  type EmitWithAck = (event: string, payload: unknown) => Promise<unknown>;
  const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck: EmitWithAck };
  try {
    return (await timed.emitWithAck(event, payload)) as Ack<ClientResult<E>>;
  } catch {
    return { ok: false, error: { code: 'timeout', message: `no ack within ${ACK_TIMEOUT_MS} ms` } };
  }
}

export async function must<E extends ClientEventName>(socket: BenchSocket, event: E, payload: ClientPayloadInput<E>): Promise<ClientResult<E>> {
  const response = await request(socket, event, payload);
  if (!response.ok) throw new Error(`${event} failed: ${response.error.code} ${response.error.message}`);
  return response;
}
