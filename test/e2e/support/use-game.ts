import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../../server/app.js';
import { LAN_NAME, launchBrowser } from './browser.js';
import { ensureClientBuilt } from './build.js';
import { startGameServer } from './game.js';

/**
 * Registers the suite's setup: a built client, the real server and one Chromium, closed afterwards. The server's
 * `url` is on LAN_NAME, so every page is an ordinary http:// origin, as on a school network, not a trusted loopback.
 */
export function useGame(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startGameServer();
    browser = await launchBrowser({ lanName: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return { ...server, url: `http://${LAN_NAME}:${server.port}` };
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}
