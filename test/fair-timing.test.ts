import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, must, next, type TestSocket } from './support/clients.js';
import { FIXTURE_ANSWERS } from './support/fixture-quiz.js';
import { answer, hostRoom } from './support/game.js';
import { latencyProxy, type LatencyProxy } from './support/latency-proxy.js';
import { dropPrefix, openRedisStore, testPrefix } from './support/redis.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Each way: a phone on a poor mobile link, a round trip of half a second. */
const DELAY_MS = 250;
const config = { pingIntervalMs: 200 };

/** Resolves once the socket has answered `count` of the server's heartbeats, each a round-trip measurement. */
function heartbeats(socket: TestSocket, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onPing = () => {
      if (++seen < count) return;
      socket.io.off('ping', onPing);
      resolve();
    };
    socket.io.on('ping', onPing);
  });
}

type Layout = { host: TestServer; phone: TestServer; all: TestServer[]; prefix?: string };

const layouts: Record<string, () => Promise<Layout>> = {
  'one memory process': async () => {
    const server = await startTestServer('memory', { config });
    return { host: server, phone: server, all: [server] };
  },
  'one Redis process': async () => {
    const server = await startTestServer('redis', { config });
    return { host: server, phone: server, all: [server] };
  },
  'two Redis processes, the phone on the one without the host': async () => {
    const prefix = testPrefix('fair-timing');
    const a = await startTestServer('redis', { config, store: await openRedisStore(prefix) });
    const b = await startTestServer('redis', { config, store: await openRedisStore(prefix) });
    return { host: a, phone: b, all: [a, b], prefix };
  },
};

describe.each(Object.keys(layouts))('answer timing on a slow link, %s', (name) => {
  let layout: Layout | undefined;
  let proxy: LatencyProxy | undefined;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await proxy?.close();
    for (const s of layout?.all ?? []) await s.stop();
    if (layout?.prefix) await dropPrefix(layout.prefix);
  });

  it(`takes the measured one-way latency off the response time of a phone ${DELAY_MS} ms away`, async () => {
    layout = await layouts[name]!();
    proxy = await latencyProxy(layout.phone.port, DELAY_MS);
    const { host, pin } = await hostRoom(layout.host.url);
    const far = await connectClient(proxy.url);
    sockets.push(host, far);
    const measured = heartbeats(far, 2);
    const farPlayer = await must(far, 'player:join', { pin, nickname: 'Far away' });
    await measured;

    const opened = next(far, 'question:open', (o) => o.index === 0);
    const reveal = next(host, 'question:reveal', (r) => r.index === 0);
    await must(host, 'host:start', {});
    await opened;
    await answer(far, 0, FIXTURE_ANSWERS[0] as never);
    await reveal;

    // From the server's send to the answer's arrival is at least a full round trip, 2 × DELAY_MS, whatever the
    // load; only the measured one-way latency taken off brings the recorded time under it.
    const [recorded] = await layout.host.store.getAnswers(pin, 0);
    expect(recorded?.playerId).toBe(farPlayer.playerId);
    expect(recorded!.responseMs).toBeLessThan(2 * DELAY_MS - 50);
  });
});
