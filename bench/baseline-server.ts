import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../shared/socket-types.js';

/**
 * The floor: bare Socket.IO with default options and no store, validation or scoring. It answers the same event
 * names as quizroom so the same loaders and host driver play it: a join puts the socket in a room, host:start and
 * host:next broadcast a question-sized payload, each answer is acked, and once the room has answered it broadcasts a
 * reveal and sends each player a result of its own, the writes quizroom must do too. Run with PORT (and HOST).
 *
 * With REDIS_URL (and REDIS_PREFIX) it is the floor of any store that keeps joins and answers in Redis: each join and
 * each answer is one HSET, awaited before the ack as quizroom awaits its own, on a default ioredis client.
 */

type BareSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

interface BareRoom {
  phase: 'lobby' | 'question' | 'reveal' | 'leaderboard' | 'podium';
  index: number;
  total: number;
  timeLimitMs: number;
  players: Set<string>;
  answered: number;
  timer?: NodeJS.Timeout;
}

const TEXT = 'Which pandas method returns the first rows of a DataFrame, so you can check what you loaded?';
const OPTIONS = ['df.head()', 'df.first()', 'df.top()', 'df.peek()'];
const GRACE_MS = 500;

const http = createServer((req, res) => {
  res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' }).end('{"ok":true}');
});
const io = new Server<ClientToServerEvents, ServerToClientEvents>(http);
const rooms = new Map<string, BareRoom>();
const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
const prefix = process.env.REDIS_PREFIX ?? '';
/** Resolves once Redis holds the field (at once without Redis). */
const kept = async (key: string, field: string, value: string) => {
  await redis?.hset(`${prefix}${key}`, field, value);
};
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');

const isOpen = (room: BareRoom, index: number) => room.phase === 'question' && room.index === index;

function open(pin: string, room: BareRoom): void {
  room.phase = 'question';
  room.answered = 0;
  const openedAt = Date.now();
  const deadline = openedAt + room.timeLimitMs;
  io.to(pin).emit('question:open', { index: room.index, total: room.total, type: 'single', text: TEXT, options: OPTIONS, openedAt, deadline, timeLimitMs: room.timeLimitMs });
  room.timer = setTimeout(() => reveal(pin, room), room.timeLimitMs + GRACE_MS);
}

function reveal(pin: string, room: BareRoom): void {
  clearTimeout(room.timer);
  room.phase = 'reveal';
  const index = room.index;
  io.to(pin).emit('question:reveal', {
    index, type: 'single', text: TEXT, options: OPTIONS, correct: [0], accepted: [], distribution: [0, 0, 0, 0],
    answered: room.answered, explanation: TEXT, section: { number: 1, title: 'Baseline' },
  });
  for (const id of room.players) io.to(id).emit('player:result', { index, answered: true, correct: false, points: 0, score: 0, rank: 1, streak: 0 });
}

function advance(pin: string, room: BareRoom): string {
  if (room.phase === 'lobby') open(pin, room);
  else if (room.phase === 'question') reveal(pin, room);
  else if (room.phase === 'reveal') {
    room.phase = 'leaderboard';
    io.to(pin).emit('leaderboard:show', { index: room.index, total: room.total, top: [], count: room.players.size });
  } else if (room.phase === 'leaderboard' && room.index + 1 < room.total) {
    room.index++;
    open(pin, room);
  } else {
    room.phase = 'podium';
    io.to(pin).emit('game:over', { podium: [], count: room.players.size, total: room.total });
  }
  return room.phase;
}

io.on('connection', (socket: BareSocket) => {
  let pin: string | undefined;
  const room = () => (pin ? rooms.get(pin) : undefined);
  socket.on('host:create', (options, ack) => {
    pin = String(100000 + Math.floor(Math.random() * 900000));
    rooms.set(pin, { phase: 'lobby', index: 0, total: options.questionCount ?? 5, timeLimitMs: (options.timeLimitSec ?? 20) * 1000, players: new Set(), answered: 0 });
    void socket.join(pin);
    ack({ ok: true, pin, hostToken: hex(32) });
  });
  socket.on('player:join', async (payload, ack) => {
    const r = rooms.get(payload.pin);
    if (!r) return ack({ ok: false, error: { code: 'not_found', message: 'No such room.' } });
    const playerId = hex(12);
    await kept(`players:${payload.pin}`, playerId, payload.nickname ?? '');
    pin = payload.pin;
    r.players.add(socket.id);
    void socket.join(pin);
    ack({ ok: true, playerId, playerToken: hex(32), nickname: payload.nickname ?? '' });
  });
  socket.on('host:start', (_payload, ack) => {
    advance(pin!, room()!);
    // The typed result of an empty zod object is Record<string, never>, which `ok` itself would break.
    (ack as (reply: { ok: true }) => void)({ ok: true });
  });
  socket.on('host:next', (_payload, ack) => ack({ ok: true, phase: advance(pin!, room()!) }));
  socket.on('player:answer', async (payload, ack) => {
    const r = room();
    const closed = () => ack({ ok: false, error: { code: 'too_late', message: 'Closed.' } });
    if (!r || !isOpen(r, payload.questionIndex)) return closed();
    await kept(`answers:${pin}:${r.index}`, socket.id, JSON.stringify(payload.answer));
    // Again once Redis has the answer: the question may have closed meanwhile.
    if (!isOpen(r, payload.questionIndex)) return closed();
    ack({ ok: true, accepted: true });
    if (++r.answered >= r.players.size) reveal(pin!, r);
  });
  socket.on('disconnect', () => room()?.players.delete(socket.id));
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
