import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './build.js';

export const SCREENSHOTS = join(ROOT, 'test', 'screenshots');
export const HOST_VIEWPORT = { width: 1280, height: 720 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** A name on no loopback list: pages opened by it are an ordinary, untrusted http:// origin, as on a school LAN. */
export const LAN_NAME = 'classroom.test';

/** With `lanName`, Chromium resolves LAN_NAME to 127.0.0.1 while treating it as any other host on the network. */
export function launchBrowser(options: { lanName?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      ...(options.lanName ? [`--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`] : []),
    ],
  });
}

/** Every page gets its own context, so each player has its own localStorage like a separate phone. */
export async function openPage(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Collects what the page would show a developer as broken: uncaught errors, CSP refusals and alert() calls. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) problems.push(`csp: ${msg.text()}`);
  });
  return problems;
}

/**
 * Stricter than watchForProblems: every console error or warning the browser prints (an ignored header, a blocked
 * script), every request that fails and every answer of 400 or more counts.
 */
export function watchEverything(page: Page): string[] {
  const problems = watchForProblems(page);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => problems.push(`failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`${res.status()}: ${res.url()}`);
  });
  return problems;
}
