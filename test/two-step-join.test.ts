import { describe, expect, it } from 'vitest';
import type { HostRoomState } from '../shared/server-events.js';
import { DEFAULT_LIMITS } from '../server/net/rate-limits.js';
import { emitAck, must, next } from './support/clients.js';
import { STORE_KINDS, serverPerTest } from './support/server.js';

const BURST = 2;

describe.each(STORE_KINDS)('2-step join on the %s store', (kind) => {
  const each = serverPerTest();
  const client = () => each.client();

  const room = async (twoStepJoin: boolean) => {
    if (!each.running) await each.start(kind, { config: { limits: { ...DEFAULT_LIMITS, failedJoinBurst: BURST, failedJoinEverySec: 60 } } });
    const host = await client();
    const state = next(host, 'room:state');
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', twoStepJoin });
    return { pin, shapes: ((await state) as HostRoomState).settings.joinShapes };
  };

  it('shows the host four shapes and lets in only a phone that taps them, never telling a player the sequence', async () => {
    const { pin, shapes } = await room(true);
    expect(shapes).toHaveLength(4);
    expect(shapes!.every((s) => [0, 1, 2, 3].includes(s))).toBe(true);

    const phone = await client();
    // The nickname is checked first, so the phone asks for the shapes only when they are all that is missing.
    expect(await emitAck(phone, 'player:join', { pin, nickname: '\u200b\u2800' })).toMatchObject({ ok: false, error: { code: 'nickname_refused' } });
    expect(await emitAck(phone, 'player:join', { pin, nickname: 'Ada' })).toMatchObject({ ok: false, error: { code: 'sequence_required' } });
    const state = next(phone, 'room:state');
    const joined = await must(phone, 'player:join', { pin, nickname: 'Ada', shapes: shapes! });
    expect(joined.nickname).toBe('Ada');
    const snapshot = JSON.stringify(await state);
    expect(snapshot).not.toContain('joinShapes');
    expect(snapshot).not.toContain('joinKey');

    // A rejoin with the token needs no shapes.
    phone.disconnect();
    const back = await client();
    expect(await must(back, 'player:rejoin', { pin, playerToken: joined.playerToken })).toMatchObject({ playerId: joined.playerId });
  });

  it('counts a wrong sequence as a failed attempt, so a scripted flood of a known PIN is soon refused', async () => {
    const { pin, shapes } = await room(true);
    const wrong = shapes!.map((s) => (s + 1) % 4);
    for (let i = 0; i <= BURST; i++) {
      expect(await emitAck(await client(), 'player:join', { pin, nickname: `Bot ${i}`, shapes: wrong })).toMatchObject({
        ok: false,
        error: { code: 'sequence_wrong' },
      });
    }
    expect(await emitAck(await client(), 'player:join', { pin, nickname: 'Bot right', shapes: shapes! })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    expect(await each.server.store.playerCount(pin)).toBe(0);
  });

  it('asks nothing more in a room without 2-step join', async () => {
    const { pin, shapes } = await room(false);
    expect(shapes).toBeUndefined();
    await must(await client(), 'player:join', { pin, nickname: 'Plain' });
  });
});
