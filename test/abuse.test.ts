import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { emitAck, must, next } from './support/clients.js';
import { FIXTURE_ANSWERS } from './support/fixture-quiz.js';
import { UNSHUFFLED } from './support/game.js';
import { serverPerTest } from './support/server.js';

describe('abuse and hostile input', () => {
  const each = serverPerTest();
  const client = () => each.client();

  it('limits events per socket per second', async () => {
    await each.start('memory', { config: { limits: { eventsPerSocketPerSec: 5, roomsPerIpPer10Min: 50, failedJoinBurst: 50, failedJoinEverySec: 60 } } });
    const s = await client();
    const replies = await Promise.all(Array.from({ length: 12 }, () => emitAck(s, 'time:sync', { clientSentAt: 1 })));
    expect(replies.filter((r) => r.ok)).toHaveLength(5);
    expect(replies.filter((r) => !r.ok && r.error.code === 'rate_limited')).toHaveLength(7);
    const other = await client();
    expect(await emitAck(other, 'time:sync', { clientSentAt: 1 })).toMatchObject({ ok: true });
  });

  it('stops PIN guessing per IP, and limits rooms created per IP', async () => {
    await each.start('memory', { config: { limits: { eventsPerSocketPerSec: 50, roomsPerIpPer10Min: 2, failedJoinBurst: 4, failedJoinEverySec: 60 } } });
    const host = await client();
    const { pin } = await must(host, 'host:create', { quizId: 'fixture' });
    await must(await client(), 'host:create', { quizId: 'fixture' });
    expect(await emitAck(await client(), 'host:create', { quizId: 'fixture' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    const guesser = await client();
    const wrong = pin === '000001' ? '000002' : '000001';
    for (let i = 0; i < 5; i++) {
      expect(await emitAck(guesser, 'player:join', { pin: wrong, nickname: `g${i}` })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    // Even the right PIN is refused now: the guesser cannot tell a hit from a miss.
    expect(await emitAck(guesser, 'player:join', { pin, nickname: 'g' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await emitAck(await client(), 'player:rejoin', { pin, playerToken: 'a'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('refuses a room beyond its player limit', async () => {
    await each.start('memory');
    const host = await client();
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', maxPlayers: 1 });
    await must(await client(), 'player:join', { pin, nickname: 'One' });
    expect(await emitAck(await client(), 'player:join', { pin, nickname: 'Two' })).toMatchObject({ ok: false, error: { code: 'room_full' } });
  });

  it('closes a lobby nobody starts and stops listing it as live', async () => {
    const server = await each.start('memory', { config: { lobbyTtlSec: 1, finishedTtlSec: 60 } });
    const host = await client();
    const { pin } = await must(host, 'host:create', { quizId: 'fixture' });
    const p = await client();
    await must(p, 'player:join', { pin, nickname: 'Early' });
    const closed = await next(p, 'room:closed');
    expect(closed).toMatchObject({ code: 'lobby_idle', reason: expect.stringMatching(/Nobody started/) });
    expect((await server.store.getRoom(pin))?.phase).toBe('ended');
    expect(await server.store.livePins()).not.toContain(pin);
    expect(await emitAck(await client(), 'player:join', { pin, nickname: 'Late' })).toMatchObject({ ok: false, error: { code: 'wrong_phase' } });
  });

  it('refuses WebSockets from a foreign origin and accepts the pages own', async () => {
    const server = await each.start('memory');
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const s = connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { origin } });
        s.once('connect', () => {
          s.disconnect();
          resolve('connected');
        });
        s.once('connect_error', () => resolve('refused'));
      });
    expect(await attempt('http://evil.example')).toBe('refused');
    expect(await attempt(server.url.replace('127.0.0.1', 'localhost').replace(/:\d+$/, ':1'))).toBe('refused');
    expect(await attempt(server.url)).toBe('connected');
  });

  it('sends strict security headers and keeps HTTP bodies small', async () => {
    const server = await each.start('memory');
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const big = await fetch(`${server.url}/api/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'y'.repeat(20_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const broken = await fetch(`${server.url}/api/anything`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' });
    expect(broken.status).toBe(400);
  });

  it('drops a socket that sends an oversized frame, and nobody else notices', async () => {
    const server = await each.start('memory');
    const host = await client();
    const { pin } = await must(host, 'host:create', { quizId: 'fixture' });
    const bully = await client();
    const gone = new Promise((resolve) => bully.once('disconnect', resolve));
    bully.emit('player:join', { pin, nickname: 'x'.repeat(100_000) } as never, () => {});
    await gone;
    expect(await emitAck(host, 'host:lock', { locked: false })).toMatchObject({ ok: true });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('never writes a token to the logs, while logging the PIN and the event', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    await each.start('memory', { logger: pino({ level: 'debug' }, sink) });
    const host = await client();
    const { pin, hostToken } = await must(host, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    const p = await client();
    const { playerToken } = await must(p, 'player:join', { pin, nickname: 'Ada' });
    await must(await client(), 'player:rejoin', { pin, playerToken });
    await emitAck(await client(), 'player:rejoin', { pin, playerToken: 'b'.repeat(32) });
    const open = next(p, 'question:open');
    await must(host, 'host:start', {});
    await open;
    await must(p, 'player:answer', { questionIndex: 0, answer: FIXTURE_ANSWERS[0] });
    await emitAck(p, 'player:answer', { questionIndex: 0, answer: 'nope' as never });
    expect(logged).toContain(pin);
    expect(logged).toContain('player joined');
    expect(logged).not.toContain(hostToken);
    expect(logged).not.toContain(playerToken);
    expect(logged).not.toContain('b'.repeat(32));
  });
});
