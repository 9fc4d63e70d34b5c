import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NICKNAME_MESSAGES } from '../server/game/nickname.js';
import { connectClient, emitAck, must, type TestSocket } from './support/clients.js';
import { hostRoom } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

describe.each(STORE_KINDS)('joining with a nickname on the %s store', (kind) => {
  let server: TestServer;
  const sockets: TestSocket[] = [];
  const socket = async () => {
    const s = await connectClient(server.url);
    sockets.push(s);
    return s;
  };
  const room = async () => {
    const { host, pin } = await hostRoom(server.url);
    sockets.push(host);
    return { host, pin };
  };
  const join = async (pin: string, nickname: string) => emitAck(await socket(), 'player:join', { pin, nickname });

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => server?.stop());

  it('refuses look-alikes of a taken nickname, saying it is taken', async () => {
    const { pin } = await room();
    expect(await join(pin, 'alice')).toMatchObject({ ok: true, nickname: 'alice' });
    for (const lookalike of ['ＡＬＩＣＥ', '\u0430lice', 'Alice\uFE0F', 'A\u200blice', 'AL\u0399CE']) {
      expect(await join(pin, lookalike), JSON.stringify(lookalike)).toEqual({ ok: false, error: { code: 'nickname_taken', message: NICKNAME_MESSAGES.taken } });
    }
    expect(await join(pin, 'Alicia')).toMatchObject({ ok: true });
  });

  it('frees the look-alike form when its player is kicked', async () => {
    const { host, pin } = await room();
    const first = await must(await socket(), 'player:join', { pin, nickname: 'Bob' });
    expect(await join(pin, '\u0412ob')).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
    await must(host, 'host:kick', { playerId: first.playerId });
    expect(await join(pin, '\u0412ob')).toMatchObject({ ok: true, nickname: '\u0412ob' });
  });

  it('tells a refused player which rule the nickname broke', async () => {
    const { pin } = await room();
    const refusals: [string, keyof typeof NICKNAME_MESSAGES][] = [
      ['   ', 'empty'],
      ['\u2800\u2800', 'invisible'],
      [`Zal${'\u0301'.repeat(16)}go`, 'marks'],
      ['x'.repeat(21), 'too_long'],
      ['Hitler', 'not_allowed'],
      ['phuck', 'not_allowed'],
    ];
    for (const [nickname, reason] of refusals) {
      expect(await join(pin, nickname), reason).toEqual({ ok: false, error: { code: 'nickname_refused', message: NICKNAME_MESSAGES[reason] } });
    }
  });

  it('lets real names through and shows a name without its invisible characters', async () => {
    const { pin } = await room();
    for (const name of ['Dick', 'Analise', 'Penistone', 'Cum Laude']) expect(await join(pin, name), name).toMatchObject({ ok: true, nickname: name });
    expect(await join(pin, '\u2800Sam\u200b\uFE0F')).toMatchObject({ ok: true, nickname: 'Sam' });
  });
});
