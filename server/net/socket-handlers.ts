import type { Socket } from 'socket.io';
import { clientEvents, type ClientEventName, type ClientPayload, type ClientResult } from '../../shared/client-events.js';
import { fail, GameError, type Ack } from '../../shared/errors.js';
import type { RoomState } from '../../shared/server-events.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket-types.js';
import type { Logger } from '../logger.js';
import { channel, type InterServerEvents, type QuizServer } from '../room/outbox.js';
import type { JustJoined, RoomService } from '../room/room-service.js';
import { describeIssues, toFailure } from './ack.js';
import { concurrencyLimit } from '../concurrency-limit.js';
import { clientAddress, type TrustFn } from './client-address.js';
import type { RateLimits } from './rate-limits.js';
import { trustedRtt, withRtt } from '../game/timing.js';
import type { SocketData } from './socket-data.js';

type QuizSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type Handler<E extends ClientEventName> = (payload: ClientPayload<E>, socket: QuizSocket) => Promise<ClientResult<E>>;

export interface SocketLayerOptions {
  service: RoomService;
  logger: Logger;
  now: () => number;
  limits: RateLimits;
  /** Which proxies' X-Forwarded-For to believe, as on HTTP. */
  trust: TrustFn;
  /** Who may create rooms. Without it every socket may, as in open mode with no accounts. */
  hosts?: {
    /** Rooms may be created without an account. */
    openMode: boolean;
    /** The account signed in with the handshake's session cookie, if any. */
    accountOf(cookieHeader: string | undefined): Promise<string | null>;
  };
}

/** Failures that mean a guessed PIN, token or 2-step sequence: counted per IP so nobody can walk them. */
const GUESSING = new Set(['not_found', 'forbidden', 'sequence_wrong']);


/**
 * Joins and rejoins worked on at once, from their first store call to their snapshot. A class joining together
 * would otherwise have every join waiting on Redis at the same moment; all that in-flight state outlives the
 * young generation, is promoted, and the grown heap is still resident after the burst. The rest wait their turn.
 */
const JOINS_IN_FLIGHT = 32;

/**
 * The socket layer: parses every payload with its zod schema, checks the socket's role, calls the
 * room service and answers with an ack. It holds no game rules.
 */
export function attachSocketHandlers(io: QuizServer, options: SocketLayerOptions): void {
  const { service, logger, now, limits } = options;
  const joins = concurrencyLimit(JOINS_IN_FLIGHT);
  /** What a join's snapshot needs from the join itself, until the snapshot is sent. */
  const justJoined = new WeakMap<QuizSocket, JustJoined>();

  /**
   * Joins, rejoins and attaches refuse early once an IP has guessed wrong too often, and count each wrong guess.
   * `passes` lets one through anyway: a join carrying the room's key from its QR link. `guess` false: the attempt
   * cannot fail as a guess, so a class joining at once is not made to take turns.
   */
  const guarded = async <T>(socket: QuizSocket, attempt: () => Promise<T>, passes?: () => Promise<boolean>, guess = true): Promise<T> => {
    const ip = socket.data.ip;
    const end = await limits.admitJoin(ip, guess);
    if (!end && !(await passes?.())) throw new GameError('rate_limited', 'Too many wrong PINs from your network; try again in a few seconds.');
    try {
      return await attempt();
    } catch (err) {
      if (err instanceof GameError && GUESSING.has(err.code)) await limits.failedJoin(ip);
      throw err;
    } finally {
      end?.();
    }
  };

  const host = (socket: QuizSocket): string => {
    if (socket.data.role !== 'host' || !socket.data.pin) throw new GameError('forbidden', 'Only the host may do that.');
    return socket.data.pin;
  };
  const player = (socket: QuizSocket): { pin: string; playerId: string } => {
    if (socket.data.role !== 'player' || !socket.data.pin || !socket.data.playerId) {
      throw new GameError('forbidden', 'Join a game first.');
    }
    return { pin: socket.data.pin, playerId: socket.data.playerId };
  };

  const leaveRooms = (socket: QuizSocket) => {
    for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
  };

  const sendState = (socket: QuizSocket, state: RoomState) => {
    if (state.question) socket.data.sentAt = { index: state.question.index, at: now() };
    // Local, like the probe: a snapshot is for this socket only, and a reconnecting client asks for a new one.
    io.local.to(socket.id).emit('room:state', state);
  };

  /** A seat no socket holds any more is not waited for: another tab or a quick reconnect may still hold it. */
  const leaveSeat = async (pin: string, playerId: string) => {
    const left = await io.in(channel.player(pin, playerId)).fetchSockets();
    if (left.length === 0) await service.playerDisconnected(pin, playerId);
  };

  /** The seat a socket held before it took another, or became a host: given up once the socket has left it. */
  const seatLeftBehind = (socket: QuizSocket, pin?: string, playerId?: string) => {
    const { role, pin: was, playerId: wasPlayer } = socket.data;
    return role === 'player' && was && wasPlayer && (was !== pin || wasPlayer !== playerId) ? { pin: was, playerId: wasPlayer } : undefined;
  };

  /** A join has marked the player connected already; a rejoin marks them here. */
  const becomePlayer = async (socket: QuizSocket, pin: string, playerId: string, markConnected: boolean) => {
    const before = seatLeftBehind(socket, pin, playerId);
    leaveRooms(socket);
    socket.data.role = 'player';
    socket.data.pin = pin;
    socket.data.playerId = playerId;
    await socket.join([channel.room(pin), channel.player(pin, playerId)]);
    if (before) await leaveSeat(before.pin, before.playerId);
    // A phone that dropped while the join was in flight missed its disconnect bookkeeping.
    if (socket.disconnected) await service.playerDisconnected(pin, playerId);
    else if (markConnected) await service.playerConnected(pin, playerId);
  };

  const becomeHost = async (socket: QuizSocket, pin: string) => {
    const before = seatLeftBehind(socket);
    leaveRooms(socket);
    socket.data.role = 'host';
    socket.data.pin = pin;
    delete socket.data.playerId;
    await socket.join([channel.room(pin), channel.hosts(pin)]);
    if (before) await leaveSeat(before.pin, before.playerId);
  };

  /** Sockets with a join or rejoin in flight: one socket takes one seat, however many joins it sends at once. */
  const seating = new WeakSet<QuizSocket>();
  const oneSeatAtATime = async <T>(socket: QuizSocket, seat: () => Promise<T>): Promise<T> => {
    if (seating.has(socket)) throw new GameError('already_joined', 'This connection is already joining a game.');
    seating.add(socket);
    try {
      return await seat();
    } finally {
      seating.delete(socket);
    }
  };

  /** A new seat counts against its address's seats in the room; a join that fails gives it back. */
  const newSeat = async <T>(socket: QuizSocket, pin: string, join: () => Promise<T>): Promise<T> => {
    if (!(await limits.takeSeat(socket.data.ip, pin))) {
      throw new GameError('rate_limited', 'Too many players have joined this game from your network.');
    }
    try {
      return await join();
    } catch (err) {
      await limits.returnSeat(socket.data.ip, pin);
      throw err;
    }
  };

  const handlers: { [E in ClientEventName]: Handler<E> } = {
    'host:create': async (roomOptions, socket) => {
      // The cookie is the one the page had when the socket connected: the dashboard reconnects after signing in or out.
      const ownerId = (await options.hosts?.accountOf(socket.handshake.headers.cookie)) ?? undefined;
      if (!ownerId && options.hosts && !options.hosts.openMode) throw new GameError('forbidden', 'Sign in to create a game.');
      if (!(await limits.createRoom(socket.data.ip))) throw new GameError('rate_limited', 'Too many rooms created from here; wait a few minutes.');
      const created = await service.createRoom(roomOptions, ownerId);
      await becomeHost(socket, created.pin);
      return created;
    },
    'host:attach': async ({ pin, hostToken }, socket) => {
      await guarded(socket, () => service.attachHost(pin, hostToken));
      await becomeHost(socket, pin);
      return { pin };
    },
    'host:start': async (_payload, socket) => {
      await service.start(host(socket));
      return {};
    },
    'host:next': async (_payload, socket) => ({ phase: await service.next(host(socket)) }),
    'host:kick': async ({ playerId }, socket) => {
      await service.kick(host(socket), playerId);
      return {};
    },
    'host:lock': async ({ locked }, socket) => {
      await service.lock(host(socket), locked);
      return { locked };
    },
    'host:end': async (_payload, socket) => {
      await service.end(host(socket));
      return {};
    },
    'player:join': async ({ pin, nickname, shapes, joinKey }, socket) => {
      // A second seat on one socket would be a player nobody plays, and every question would wait for them. A join
      // to another room (the next game, after the podium) moves the socket there and gives up its old seat.
      if (socket.data.role === 'player' && socket.data.pin === pin) {
        throw new GameError('already_joined', 'This connection already has a seat in this game; rejoin with its token instead.');
      }
      return oneSeatAtATime(socket, async () => {
        const keyOpens = joinKey ? () => service.joinKeyOpens(pin, joinKey) : undefined;
        const join = () => newSeat(socket, pin, () => service.join(pin, nickname, shapes));
        const joined = await guarded(socket, join, keyOpens, !service.joinCannotGuess(pin));
        await becomePlayer(socket, pin, joined.player.id, false);
        justJoined.set(socket, { nickname: joined.player.nickname, count: joined.count, room: joined.room });
        return { playerId: joined.player.id, playerToken: joined.token, nickname: joined.player.nickname };
      });
    },
    'player:rejoin': async ({ pin, playerToken }, socket) =>
      oneSeatAtATime(socket, async () => {
        const found = await guarded(socket, () => service.rejoin(pin, playerToken));
        await becomePlayer(socket, pin, found.id, true);
        const state = await service.playerState(pin, found.id);
        return { playerId: found.id, nickname: found.nickname, score: state.score };
      }),
    'player:answer': async ({ questionIndex, answer }, socket) => {
      const receivedAt = now();
      const { pin, playerId } = player(socket);
      const sent = socket.data.sentAt;
      await service.answer(pin, playerId, questionIndex, answer, {
        sentAt: sent?.index === questionIndex ? sent.at : undefined,
        receivedAt,
        rttMs: trustedRtt(socket.data.rtts),
      });
      return { accepted: true };
    },
    'time:sync': async () => ({ serverTime: now() }),
  };

  /** After a successful create, attach, join or rejoin the socket gets its snapshot, after the ack so the client knows its id. */
  const hostSnapshot = async (socket: QuizSocket) => sendState(socket, await service.hostState(socket.data.pin!));
  const playerSnapshot = async (socket: QuizSocket) => {
    const joined = justJoined.get(socket);
    justJoined.delete(socket);
    sendState(socket, await service.playerState(socket.data.pin!, socket.data.playerId!, joined));
  };
  const followUps: Partial<Record<ClientEventName, (socket: QuizSocket) => Promise<void>>> = {
    'host:create': hostSnapshot,
    'host:attach': hostSnapshot,
    'player:join': playerSnapshot,
    'player:rejoin': playerSnapshot,
  };

  /**
   * Round trips come from Engine.IO's heartbeat: the server pings every `pingInterval` and the client's engine
   * pongs at once, as an ack would. It needs no packet of ours and never touches the adapter, whose acked
   * broadcasts ask Redis how many processes there are and, with more than one, wait for answers a socket-local
   * emit never gets.
   */
  const measureRoundTrips = (socket: QuizSocket) => {
    let pingedAt: number | undefined;
    socket.conn.on('packetCreate', (packet: { type: string }) => {
      if (packet.type === 'ping') pingedAt = now();
    });
    socket.conn.on('heartbeat', () => {
      if (pingedAt === undefined) return;
      socket.data.rtts = withRtt(socket.data.rtts, now() - pingedAt);
      pingedAt = undefined;
    });
  };

  /** A client event, known or not: ack, rate limit, parse, then the handler and its follow-up. */
  const onEvent = async (socket: QuizSocket, event: string, args: unknown[]) => {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: Ack<object>) => void) : undefined;
    if (!Object.hasOwn(clientEvents, event)) {
      const allowed = await limits.event(socket.id);
      logger.warn({ event: String(event).slice(0, 40), socketId: socket.id }, 'unknown event');
      ack?.(allowed ? fail('bad_request', 'Unknown event.') : fail('rate_limited'));
      return;
    }
    const known = event as ClientEventName;
    const context = { event, pin: socket.data.pin, socketId: socket.id };
    if (!ack) {
      logger.warn(context, 'event without ack dropped');
      return;
    }
    if (!(await limits.event(socket.id))) {
      ack(fail('rate_limited'));
      return;
    }
    const parsed = clientEvents[known].payload.safeParse(args[0]);
    if (!parsed.success) {
      logger.warn({ ...context, issue: describeIssues(parsed.error) }, 'bad payload');
      ack(fail('bad_request', describeIssues(parsed.error)));
      return;
    }
    const gated = known === 'player:join' || known === 'player:rejoin';
    if (gated) await joins.enter();
    try {
      try {
        const result = await (handlers[known] as Handler<typeof known>)(parsed.data as never, socket);
        ack({ ok: true, ...result });
      } catch (err) {
        ack(toFailure(err, logger, context));
        return;
      }
      await followUps[known]?.(socket).catch((err: unknown) => logger.warn({ ...context, err }, 'snapshot failed'));
    } finally {
      if (gated) joins.leave();
    }
  };

  // Two listeners per socket, each one function shared by every socket (Socket.IO calls it with the socket as
  // `this`): a listener per event per socket was eleven closures for each of an assembly's phones.
  function eventListener(this: QuizSocket, event: string, ...args: unknown[]) {
    void onEvent(this, event, args);
  }
  function disconnectListener(this: QuizSocket) {
    limits.forgetSocket(this.id);
    const { role, pin, playerId } = this.data;
    if (role !== 'player' || !pin || !playerId) return;
    void leaveSeat(pin, playerId).catch((err: unknown) => logger.warn({ err, pin }, 'disconnect bookkeeping failed'));
  }

  io.on('connection', (socket: QuizSocket) => {
    if (!socket.recovered) socket.data = { role: 'none', rtts: [], ip: clientAddress(options.trust, socket.handshake.address, socket.handshake.headers) };
    else if (socket.data.role === 'player') void service.playerConnected(socket.data.pin!, socket.data.playerId!).catch(() => {});

    measureRoundTrips(socket);
    socket.onAny(eventListener);
    socket.on('disconnect', disconnectListener);
  });
}
