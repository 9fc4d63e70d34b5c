import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { loadBank } from '../../server/quiz/bank.js';
import { createCatalog } from '../../server/quiz/catalog.js';
import { quizSchema } from '../../shared/quiz.js';
import { connectClient, must, next } from '../support/clients.js';
import { UNSHUFFLED } from '../support/game.js';
import { launchBrowser, openPage } from './support/browser.js';
import { ensureClientBuilt } from './support/build.js';
import { joinAs, waitForView } from './support/game.js';

/** The module's wordiest four-option questions: the longest single choice, the longest multi, the longest question text. */
const WORDIEST = ['m16-s5-09', 'm16-s9-05', 'm16-s3-04'];
const SMALL_PHONE = { width: 320, height: 568 };

describe('a question on a 320 px wide phone', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    const bank = loadBank();
    const catalog = createCatalog();
    catalog.add(quizSchema.parse({ id: 'wordy', title: 'Wordy', questions: WORDIEST.map((id) => bank.find((q) => q.id === id)) }));
    server = await startServer({ port: 0, host: '127.0.0.1', catalog, logger: pino({ level: 'silent' }), config: { redisUrl: undefined } });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows all four answers, and Submit for a multi question, without scrolling', { timeout: 90_000 }, async () => {
    const host = await connectClient(server.url);
    const { pin } = await must(host, 'host:create', { quizId: 'wordy', ...UNSHUFFLED });
    const phone = await openPage(browser, server.url, SMALL_PHONE);
    await joinAs(phone, pin, 'Small screen');
    await must(host, 'host:start', {});

    for (const [index, id] of WORDIEST.entries()) {
      await waitForView(phone, 'question');
      await expect.poll(() => phone.locator('.question-text').textContent()).toBe(loadBank().find((q) => q.id === id)!.text);
      await phone.screenshot({ path: `/tmp/narrow-phone-${index + 1}.png` });
      const page = await phone.evaluate(() => ({ scroll: document.documentElement.scrollHeight, height: innerHeight, width: document.documentElement.scrollWidth }));
      expect(page.scroll, `question ${index + 1} is taller than the screen`).toBeLessThanOrEqual(page.height);
      expect(page.width).toBeLessThanOrEqual(SMALL_PHONE.width);
      for (const control of await phone.locator('[data-option], .answers-multi .btn').all()) {
        const box = (await control.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(SMALL_PHONE.height);
        // Still a comfortable target for a thumb.
        expect(box.height).toBeGreaterThanOrEqual(48);
      }
      if (index + 1 < WORDIEST.length) {
        const opened = next(host, 'question:open');
        await must(host, 'host:next', {});
        await must(host, 'host:next', {});
        await must(host, 'host:next', {});
        await opened;
      }
    }
    host.disconnect();
  });
});
