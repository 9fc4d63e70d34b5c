import { describe, expect, it } from 'vitest';
import type { ClientPayloadInput } from '../shared/client-events.js';
import type { HostRoomState } from '../shared/server-events.js';
import { DEFAULT_LIMITS } from '../server/net/rate-limits.js';
import { emitAck, must, next } from './support/clients.js';
import { STORE_KINDS, serverPerTest } from './support/server.js';

const BURST = 3;
const EVERY_SEC = 2;
const limits = { ...DEFAULT_LIMITS, eventsPerSocketPerSec: 100, failedJoinBurst: BURST, failedJoinEverySec: EVERY_SEC };

describe.each(STORE_KINDS)('wrong PINs from one school network, %s store', (kind) => {
  const each = serverPerTest();
  const client = () => each.client();

  const room = async () => {
    const host = await client();
    const state = next(host, 'room:state');
    const { pin } = await must(host, 'host:create', { quizId: 'fixture' });
    const wrong = pin === '000001' ? '000002' : '000001';
    return { pin, wrong, settings: ((await state) as HostRoomState).settings };
  };
  const join = async (payload: ClientPayloadInput<'player:join'>) => emitAck(await client(), 'player:join', payload);
  /** Tries again every 100 ms until the join goes through, and says how long that took. */
  const joinWithin = async (payload: ClientPayloadInput<'player:join'>, limitMs: number): Promise<number> => {
    const started = Date.now();
    for (;;) {
      const reply = await join(payload);
      if (reply.ok) return Date.now() - started;
      expect(reply).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      if (Date.now() - started > limitMs) throw new Error(`still refused after ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it(`a burst of mistyped PINs holds classmates' right PIN back ${EVERY_SEC} s at most, not a minute`, async () => {
    await each.start(kind, { config: { limits } });
    const { pin, wrong } = await room();
    for (let i = 0; i < BURST + 3; i++) await join({ pin: wrong, nickname: `Typo ${i}` });
    expect(await join({ pin, nickname: 'Classmate' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await joinWithin({ pin, nickname: 'Classmate' }, EVERY_SEC * 1000 + 1000)).toBeLessThanOrEqual(EVERY_SEC * 1000 + 1000);
  });

  it('a PIN walk gets its burst, then one guess per period, and cannot tell a hit from a refusal', async () => {
    await each.start(kind, { config: { limits: { ...limits, failedJoinEverySec: 60 } } });
    const { pin } = await room();
    const replies = [];
    for (let i = 0; i < 20; i++) replies.push(await join({ pin: String(900_000 + i), nickname: `Walker ${i}` }));
    // The burst, and the one guess of the current period.
    expect(replies.filter((r) => !r.ok && r.error.code === 'not_found')).toHaveLength(BURST + 1);
    expect(replies.filter((r) => !r.ok && r.error.code === 'rate_limited')).toHaveLength(20 - BURST - 1);
    expect(await join({ pin, nickname: 'Walker hit' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('a PIN walk gains nothing by sending its guesses all at once', async () => {
    await each.start(kind, { config: { limits: { ...limits, failedJoinEverySec: 60 } } });
    await room();
    const walkers = await Promise.all(Array.from({ length: 30 }, () => client()));
    const replies = await Promise.all(walkers.map((w, i) => emitAck(w, 'player:join', { pin: String(900_000 + i), nickname: `Walker ${i}` })));
    expect(replies.filter((r) => !r.ok && r.error.code === 'not_found')).toHaveLength(BURST + 1);
    expect(replies.filter((r) => !r.ok && r.error.code === 'rate_limited')).toHaveLength(30 - BURST - 1);
  });

  it('a class joining all at once from one network is not refused', async () => {
    await each.start(kind, { config: { limits } });
    const { pin } = await room();
    const phones = await Promise.all(Array.from({ length: 40 }, () => client()));
    const replies = await Promise.all(phones.map((p, i) => emitAck(p, 'player:join', { pin, nickname: `Student ${i}` })));
    expect(replies.filter((r) => r.ok)).toHaveLength(40);
  });

  it("the QR link's join key lets a phone past its network's limit; a wrong key does not", async () => {
    await each.start(kind, { config: { limits: { ...limits, failedJoinEverySec: 60 } } });
    const { pin, wrong, settings } = await room();
    expect(settings.joinKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (let i = 0; i < BURST + 1; i++) await join({ pin: wrong, nickname: `Typo ${i}` });
    expect(await join({ pin, nickname: 'No key' })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await join({ pin, nickname: 'Bad key', joinKey: 'f'.repeat(22) })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await join({ pin: wrong, nickname: 'Key elsewhere', joinKey: settings.joinKey! })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(await join({ pin, nickname: 'Scanned', joinKey: settings.joinKey! })).toMatchObject({ ok: true, nickname: 'Scanned' });
  });
});
