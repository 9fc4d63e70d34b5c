import type { Server } from 'socket.io';
import type { ServerEventName, ServerPayload } from '../../shared/server-events.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket-types.js';
import type { SocketData } from '../net/socket-data.js';

/** Socket.IO rooms a socket joins; broadcasting to them keeps fan-out O(N) and works across processes via the adapter. */
export const channel = {
  room: (pin: string) => `room:${pin}`,
  hosts: (pin: string) => `hosts:${pin}`,
  player: (pin: string, playerId: string) => `player:${pin}:${playerId}`,
};

/** Where the room service sends events; the socket layer supplies the real one. */
export interface Outbox {
  toRoom<E extends ServerEventName>(pin: string, event: E, payload: ServerPayload<E>): void;
  toHosts<E extends ServerEventName>(pin: string, event: E, payload: ServerPayload<E>): void;
  toPlayer<E extends ServerEventName>(pin: string, playerId: string, event: E, payload: ServerPayload<E>): void;
  /**
   * A host counter the next one replaces (answers in): to this process's host sockets when it has any, else
   * through the adapter. The counts come from the store, so whichever process sends one is right; a second
   * host screen held by another process hears them from the processes that hold no host.
   */
  toHostsCounter<E extends 'question:progress'>(pin: string, event: E, payload: ServerPayload<E>): void;
  /** Drops a player's sockets (after a kick) wherever they are connected. */
  disconnectPlayer(pin: string, playerId: string): void;
  /** Players with a live socket in the room, on any server process. */
  connectedPlayerIds(pin: string): Promise<string[]>;
  /** Rooms with a host socket on this process. */
  hostedHere(): string[];
}

/** Between server processes: a message for each process to hand to its own sockets in a channel. */
export interface InterServerEvents {
  'room:relay': (relay: { target: string; event: string; payload: unknown }) => void;
}

export type QuizServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** `clustered`: other server processes share the rooms through the Redis adapter. */
export function socketOutbox(io: QuizServer, clustered: boolean): Outbox {
  // The typed emit wants a literal event name; the generic E is checked at the Outbox boundary instead.
  type Emit = (event: string, payload: unknown) => void;
  const emitHere = (target: string, event: string, payload: unknown) => (io.local.to(target).emit as unknown as Emit)(event, payload);
  if (clustered) io.on('room:relay', ({ target, event, payload }) => emitHere(target, event, payload));
  const hosted = hostedRooms(io);
  /**
   * To a whole channel: this process's sockets at once, the other processes' through a relay. The adapter's
   * own broadcast holds even local delivery until its stream entry is written, and with a hundred rooms
   * moving at once those writes queue. (Recovered connections miss relayed messages; the clients rejoin on
   * every connect and get a snapshot.)
   */
  const emitTo = (target: string, event: string, payload: unknown) => {
    emitHere(target, event, payload);
    if (clustered) io.serverSideEmit('room:relay', { target, event, payload });
  };
  /**
   * Straight to the sockets on this process when there are any: through a Redis adapter every broadcast is
   * also a stream entry that every process reads back, and a reveal sends one message per player while each
   * room's host counters go out four times a second.
   */
  const emitLocalFirst = (target: string, event: string, payload: unknown) => {
    const local = io.of('/').adapter.rooms.get(target);
    const operator = local && local.size > 0 ? io.local.to(target) : io.to(target);
    (operator.emit as unknown as Emit)(event, payload);
  };
  return {
    toRoom: (pin, event, payload) => emitTo(channel.room(pin), event, payload),
    toHosts: (pin, event, payload) => emitTo(channel.hosts(pin), event, payload),
    toPlayer: (pin, playerId, event, payload) => emitLocalFirst(channel.player(pin, playerId), event, payload),
    toHostsCounter: (pin, event, payload) => emitLocalFirst(channel.hosts(pin), event, payload),
    disconnectPlayer: (pin, playerId) => io.in(channel.player(pin, playerId)).disconnectSockets(true),
    connectedPlayerIds: async (pin) => {
      const sockets = await io.in(channel.room(pin)).fetchSockets();
      return [...new Set(sockets.flatMap((s) => (s.data.role === 'player' && s.data.playerId ? [s.data.playerId] : [])))];
    },
    hostedHere: () => [...hosted],
  };
}

/** The PINs whose hosts' channel has a socket on this process, kept from the adapter's own events rather than a scan of every channel. */
function hostedRooms(io: QuizServer): Set<string> {
  const prefix = channel.hosts('');
  const hosted = new Set<string>();
  const adapter = io.of('/').adapter;
  adapter.on('create-room', (room: string) => {
    if (room.startsWith(prefix)) hosted.add(room.slice(prefix.length));
  });
  adapter.on('delete-room', (room: string) => {
    if (room.startsWith(prefix)) hosted.delete(room.slice(prefix.length));
  });
  return hosted;
}
