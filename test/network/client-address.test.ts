import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { clientAddress, compileTrust, parseTrustProxy } from '../../server/net/client-address.js';
import { connectClient, emitAck, type TestSocket } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/server.js';

const chain = (xff?: string): Record<string, string> => (xff ? { 'x-forwarded-for': xff } : {});

describe('the client address every limit uses', () => {
  it('takes the right-most address a trusted proxy did not add, never the client-written left end', () => {
    const oneHop = compileTrust(parseTrustProxy('1'));
    expect(clientAddress(oneHop, '127.0.0.1', chain('6.6.6.6, 192.0.2.7'))).toBe('192.0.2.7');
    expect(clientAddress(oneHop, '127.0.0.1', chain())).toBe('127.0.0.1');
    const twoHops = compileTrust(parseTrustProxy('2'));
    expect(clientAddress(twoHops, '127.0.0.1', chain('6.6.6.6, 192.0.2.7, 10.0.0.2'))).toBe('192.0.2.7');
    const byAddress = compileTrust(parseTrustProxy('127.0.0.1, 10.0.0.0/8'));
    expect(clientAddress(byAddress, '127.0.0.1', chain('6.6.6.6, 192.0.2.7, 10.0.0.2'))).toBe('192.0.2.7');
    expect(clientAddress(compileTrust(parseTrustProxy('0')), '192.0.2.9', chain('6.6.6.6'))).toBe('192.0.2.9');
  });

  it('refuses TRUST_PROXY=true and addresses it cannot read, at start-up', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/hop count/);
    expect(() => readConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({}).trustProxy).toBe(false);
  });
});

describe('forged X-Forwarded-For on a server behind one proxy', () => {
  const sockets: TestSocket[] = [];
  let server: TestServer | undefined;
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  it('does not reset the wrong-PIN limit: the entry the proxy appended is what counts', async () => {
    const burst = 4;
    server = await startTestServer('memory', { config: { trustProxy: 1, limits: { ...readConfig({}).limits, failedJoinBurst: burst, failedJoinEverySec: 60 } } });
    const codes: string[] = [];
    // The burst, then the one attempt a minute the steady rate allows, then a refusal.
    for (let i = 0; i < burst + 2; i++) {
      // What nginx with $proxy_add_x_forwarded_for would pass on: the client's forgery, then the real peer.
      const socket = await connectClient(server.url, chain(`203.0.113.${i}, 192.0.2.50`));
      sockets.push(socket);
      const ack = await emitAck(socket, 'player:join', { pin: '000001', nickname: `guess${i}` });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes).toEqual([...Array(burst + 1).fill('not_found'), 'rate_limited']);
  });
});
