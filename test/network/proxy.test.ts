import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/socket-types.js';
import { bankQuestions } from '../support/bank-answers.js';
import { startChild, type ChildServer } from '../support/child-server.js';
import { emitAck, must, next, type TestSocket } from '../support/clients.js';
import { UNSHUFFLED } from '../support/game.js';
import { NGINX, startNginx, type RunningNginx } from '../support/nginx.js';
import { dropPrefix, redisUrl, testPrefix } from '../support/redis.js';

const QUIZ = 'module-16-s5';
const QUESTIONS = 2;
const { answers } = bankQuestions(QUIZ, QUESTIONS);
const WRONG_PIN_BURST = 5;
const SIGN_INS_PER_15_MIN = 5;

type Transport = 'websocket' | 'polling';

/** A phone through the proxy: `localAddress` makes each one a different client address on the loopback net. */
async function phone(url: string, transport: Transport, localAddress = '127.0.0.1', headers?: Record<string, string>): Promise<TestSocket> {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: [transport],
    forceNew: true,
    reconnection: false,
    extraHeaders: headers,
    localAddress,
  } as Parameters<typeof io>[1]);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

if (!NGINX) console.warn('proxy tests skipped: nginx is not installed (apt-get install nginx; .ci/run installs it)');

describe.skipIf(!NGINX)('behind nginx, with the repository config, in front of two processes on one Redis', () => {
  const prefix = testPrefix('proxy');
  const sockets: TestSocket[] = [];
  let replicas: [ChildServer, ChildServer];
  let nginx: RunningNginx;

  beforeAll(async () => {
    const env = {
      REDIS_URL: redisUrl(),
      REDIS_PREFIX: prefix,
      TRUST_PROXY: '1',
      OPEN_MODE: '1',
      LIMIT_FAILED_JOIN_BURST: String(WRONG_PIN_BURST),
      LIMIT_FAILED_JOIN_EVERY_SEC: '60',
      LIMIT_LOGINS_PER_IP_PER_15_MIN: String(SIGN_INS_PER_15_MIN),
    };
    replicas = (await Promise.all([startChild(env), startChild(env)])) as [ChildServer, ChildServer];
    nginx = await startNginx([replicas[0].port, replicas[1].port]);
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await nginx?.stop();
    for (const r of replicas ?? []) r.child.kill('SIGKILL');
    await dropPrefix(prefix);
  });

  const connect = async (...args: Parameters<typeof phone>) => {
    const socket = await phone(...args);
    sockets.push(socket);
    return socket;
  };

  /** Host and players all through nginx; everyone answers right; every phone reaches the podium with points. */
  async function playThrough(transport: Transport, addresses: string[]) {
    const host = await connect(nginx.url, transport);
    const { pin } = await must(host, 'host:create', { quizId: QUIZ, questionCount: QUESTIONS, timeLimitSec: 20, ...UNSHUFFLED });
    const players = await Promise.all(
      addresses.map(async (address, i) => {
        const socket = await connect(nginx.url, transport, address);
        await must(socket, 'player:join', { pin, nickname: `${transport}-${i}` });
        return socket;
      }),
    );
    for (let q = 0; q < QUESTIONS; q++) {
      const opens = Promise.all(players.map((p) => next(p, 'question:open', (o) => o.index === q)));
      await must(host, q === 0 ? 'host:start' : 'host:next', {});
      await opens;
      const reveal = next(host, 'question:reveal', (r) => r.index === q);
      const results = await Promise.all(
        players.map(async (p) => {
          const result = next(p, 'player:result', (r) => r.index === q);
          await must(p, 'player:answer', { questionIndex: q, answer: answers[q]! as never });
          return result;
        }),
      );
      expect((await reveal).answered).toBe(players.length);
      for (const r of results) expect(r.correct).toBe(true);
      await must(host, 'host:next', {});
    }
    const finals = Promise.all(players.map((p) => next(p, 'game:over')));
    expect(await must(host, 'host:next', {})).toMatchObject({ phase: 'podium' });
    for (const over of await finals) expect(over.you?.score).toBeGreaterThan(QUESTIONS * 500);
    return pin;
  }

  it('plays a whole game over WebSocket, the phones spread over both processes', async () => {
    const addresses = Array.from({ length: 12 }, (_, i) => `127.0.0.${i + 2}`);
    const pin = await playThrough('websocket', addresses);
    // Each process logs the joins it handled: nginx hashed the phones' addresses onto both.
    const joinsOn = (r: ChildServer) => r.output().split('\n').filter((l) => l.includes(pin) && l.includes('player joined')).length;
    expect(joinsOn(replicas[0]) + joinsOn(replicas[1])).toBe(addresses.length);
    expect(joinsOn(replicas[0])).toBeGreaterThan(0);
    expect(joinsOn(replicas[1])).toBeGreaterThan(0);
  }, 60_000);

  it('plays a whole game with clients that can only use HTTP long-polling, as behind a proxy that blocks WebSockets', async () => {
    await playThrough('polling', ['127.0.0.21', '127.0.0.22', '127.0.0.23']);
  }, 60_000);

  it('counts wrong PINs by the address nginx saw, whatever X-Forwarded-For the client forges', async () => {
    const codes: string[] = [];
    // The burst, then the one attempt a minute the steady rate allows, then a refusal.
    for (let i = 0; i < WRONG_PIN_BURST + 2; i++) {
      const forged = { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.${i}` };
      const socket = await connect(nginx.url, 'websocket', '127.0.0.40', forged);
      const ack = await emitAck(socket, 'player:join', { pin: '000001', nickname: `guess${i}` });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes).toEqual([...Array(WRONG_PIN_BURST + 1).fill('not_found'), 'rate_limited']);
  }, 30_000);

  it('counts sign-ins by the address nginx saw, whatever X-Forwarded-For the client forges', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_INS_PER_15_MIN; i++) {
      const res = await fetch(`${nginx.url}/api/account/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
        body: JSON.stringify({ email: `nobody${i}@example.test`, password: 'not the password' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, SIGN_INS_PER_15_MIN).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 30_000);
});
