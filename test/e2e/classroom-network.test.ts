import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.js';
import { startServer, type RunningServer, type StartOptions } from '../../server/app.js';
import { HOST_VIEWPORT, LAN_NAME, launchBrowser, openPage, PHONE_VIEWPORT, screenshot, watchEverything } from './support/browser.js';
import { ensureClientBuilt } from './support/build.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';

/**
 * A classroom as it is: the teacher's laptop serves plain HTTP, phones open it by a network name. Chromium maps
 * LAN_NAME to loopback but treats it as any untrusted http:// origin, so what breaks on a school Wi-Fi breaks here.
 */
describe('on a classroom network', () => {
  let browser: Browser;
  const servers: RunningServer[] = [];

  const start = async (options: StartOptions = {}) => {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      ...options,
      config: { redisUrl: undefined, publicUrl: undefined, ...options.config },
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    await ensureClientBuilt();
    browser = await launchBrowser({ lanName: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });

  /** The lobby's join link, once the page has asked the server where phones join. */
  const shownLink = async (host: Page): Promise<string> => {
    const link = host.locator('.join-link');
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    // What a phone types: the address without its scheme; the PIN is shown on its own.
    expect(await link.textContent()).toBe(href.replace(/^https?:\/\//, '').replace(/\/\?pin=\d+$/, ''));
    expect((await host.locator('canvas.qr').getAttribute('data-link'))!.startsWith(href)).toBe(true);
    return href;
  };

  it('plays a whole game with the big screen and the phones opened by a LAN name', { timeout: 120_000 }, async () => {
    const server = await start();
    const origin = `http://${LAN_NAME}:${server.port}`;
    const host = await openPage(browser, `${origin}/host`, HOST_VIEWPORT);
    const problems = watchEverything(host);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 2, secondsPerQuestion: 20 });
    const link = await shownLink(host);
    expect(link).toBe(`${origin}/?pin=${pin}`);
    await screenshot(host, 'lan-host-lobby');

    const phones: Page[] = [];
    for (const name of ['Ada', 'Grace']) {
      const phone = await openPage(browser, link, PHONE_VIEWPORT);
      problems.push(...watchEverything(phone));
      await expect.poll(() => phone.getByLabel('Game PIN').inputValue()).toBe(pin);
      expect(await joinAs(phone, pin, name)).toBe(name);
      phones.push(phone);
    }
    await screenshot(phones[0]!, 'lan-phone-lobby');
    await host.getByRole('button', { name: 'Start game' }).click();
    for (let q = 0; q < 2; q++) {
      await Promise.all(phones.map((p) => waitForView(p, 'question')));
      if (q === 0) await screenshot(phones[0]!, 'lan-phone-question');
      await answer(phones[0]!, 'right');
      await answer(phones[1]!, 'wrong');
      await waitForView(host, 'reveal');
      await host.getByRole('button', { name: 'Leaderboard' }).click();
      await waitForView(host, 'leaderboard');
      await host.getByRole('button', { name: q === 0 ? 'Next question' : 'Podium' }).click();
    }
    await waitForView(host, 'podium');
    await Promise.all(phones.map((p) => waitForView(p, 'final')));
    await screenshot(host, 'lan-host-podium');
    expect(problems).toEqual([]);
  });

  it('shows phones the PUBLIC_URL when the big screen is opened on 127.0.0.1, and a phone gets in by it', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const publicUrl = `http://${LAN_NAME}:${port}`;
    const server = await start({ port, config: { publicUrl } });
    const host = await openPage(browser, `http://127.0.0.1:${server.port}/host`, HOST_VIEWPORT);
    const problems = watchEverything(host);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 20 });
    expect(await shownLink(host)).toBe(`${publicUrl}/?pin=${pin}`);

    const phone = await openPage(browser, await shownLink(host), PHONE_VIEWPORT);
    problems.push(...watchEverything(phone));
    expect(await joinAs(phone, pin, 'Linus')).toBe('Linus');
    await expect.poll(() => host.locator('.lobby-count').textContent()).toBe('1 player');
    expect(problems).toEqual([]);
  });

  it('says plainly on the big screen when no phone could reach the server, instead of a dead link', { timeout: 60_000 }, async () => {
    const server = await start({ interfaces: () => ({ lo: [] }), host: '0.0.0.0' });
    const host = await openPage(browser, `http://127.0.0.1:${server.port}/host`, HOST_VIEWPORT);
    await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 20 });
    await expect.poll(() => host.locator('.join-problem').textContent()).toContain('no network address');
    expect(await host.locator('.join-link').count()).toBe(0);
    expect(await host.locator('canvas.qr').isHidden()).toBe(true);
    await screenshot(host, 'lan-host-no-network');
  });
});
