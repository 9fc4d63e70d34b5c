import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../shared/account.js';
import type { ReportSummary, SavedReport } from '../../shared/report.js';
import { failure, HostClient, success, TEST_HOST_KEY, withHostKey } from '../accounts/host-client.js';
import { connectClient, must } from '../support/clients.js';
import { UNSHUFFLED } from '../support/game.js';
import { playToPodium } from '../support/play-to-podium.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';

describe.each(STORE_KINDS)('whose open-mode reports are whose, on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: true, hostKey: TEST_HOST_KEY } });
  });
  afterAll(async () => server?.stop());

  const reportsOf = async (client: HostClient, headers: Record<string, string> = {}) =>
    success(await client.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports', undefined, headers)).reports.map((r) => r.pin);

  /** A dashboard opened in a new browser: its first call hands it its anonymous-host cookie. */
  const browser = async () => {
    const client = new HostClient(server.url);
    const me = await client.call<Me>('GET', '/api/account/me');
    expect(success(me)).toMatchObject({ account: null, openMode: true, cookieIssued: true });
    expect(me.setCookie[0]).toMatch(/^qr_host=[0-9a-f]{32}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    expect(success(await client.call<Me>('GET', '/api/account/me')).cookieIssued).toBeUndefined();
    return client;
  };

  it('shows a game\'s report, with the students\' names, only to the browser that hosted it', async () => {
    const teacher = await browser();
    const host = await teacher.socket();
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    await playToPodium(server.url, host, pin, 2, (player) => player === 0);
    host.disconnect();

    await expect.poll(() => reportsOf(teacher)).toEqual([pin]);
    const [summary] = success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports;
    const { report } = success(await teacher.call<{ report: SavedReport }>('GET', `/api/my/reports/${summary!.id}`));
    expect(report.players.map((p) => p.nickname).sort()).toEqual(['Player 01', 'Player 02']);

    const student = await browser();
    expect(await reportsOf(student)).toEqual([]);
    expect(failure(await student.call('GET', `/api/my/reports/${summary!.id}`)).code).toBe('not_found');
    const noCookie = new HostClient(server.url);
    expect(await reportsOf(noCookie)).toEqual([]);
    expect(failure(await noCookie.call('GET', `/api/my/reports/${summary!.id}`)).code).toBe('not_found');
  });

  it('keeps a game hosted without the cookie (a script) for the HOST_KEY holder alone', async () => {
    const script = await connectClient(server.url);
    const { pin } = await must(script, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    await playToPodium(server.url, script, pin, 1, () => true);
    script.disconnect();

    const admin = new HostClient(server.url);
    await expect.poll(() => reportsOf(admin, withHostKey)).toContain(pin);
    expect(await reportsOf(new HostClient(server.url))).toEqual([]);
    expect(await reportsOf(await browser())).toEqual([]);
  });
});
