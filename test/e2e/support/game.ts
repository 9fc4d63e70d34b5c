import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../../server/app.js';
import { loadBank } from '../../../server/quiz/bank.js';
import type { Question } from '../../../shared/quiz.js';

/** The real server with a memory store (a REDIS_URL in the environment is ignored) on a free port. */
export function startGameServer(): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    config: { redisUrl: undefined },
  });
}

/** Waits for a page to show one of its views, named by their data-view attribute. */
export async function waitForView(page: Page, view: string | string[], timeout = 15_000): Promise<void> {
  const views = Array.isArray(view) ? view : [view];
  await page.locator(views.map((v) => `[data-view="${v}"]`).join(', ')).first().waitFor({ timeout });
}

export interface RoomSetup {
  quiz: RegExp;
  questionCount: number;
  secondsPerQuestion: number;
}

/** Fills the host dashboard and creates the room; returns the PIN the lobby shows. */
export async function createRoom(host: Page, setup: RoomSetup): Promise<string> {
  await waitForView(host, 'dashboard');
  await host.getByRole('radio', { name: setup.quiz }).check();
  await host.getByLabel('Number of questions').fill(String(setup.questionCount));
  await host.getByLabel('Seconds per question').fill(String(setup.secondsPerQuestion));
  await host.getByRole('button', { name: 'Create game' }).click();
  await waitForView(host, 'lobby');
  return (await host.getByTestId('pin').textContent())!.trim();
}

/** Types the PIN and nickname into the join form; returns the nickname the lobby shows. */
export async function joinAs(player: Page, pin: string, nickname: string, timeout = 15_000): Promise<string> {
  await waitForView(player, 'join', timeout);
  await player.getByLabel('Game PIN').fill(pin);
  await player.getByLabel('Nickname').fill(nickname);
  await player.getByRole('button', { name: 'Join', exact: true }).click();
  await waitForView(player, 'lobby', timeout);
  return (await player.getByTestId('own-nickname').textContent())!;
}

const bank = loadBank();

/** The bank question a phone is showing, found by its text. */
async function shownQuestion(player: Page): Promise<Question> {
  await waitForView(player, 'question');
  const text = (await player.locator('.question-text').textContent())!;
  const question = bank.find((q) => q.text === text);
  if (!question) throw new Error(`question not in the bank: ${text}`);
  return question;
}

/** Answers the open question right or wrong through the phone's controls, whatever its type. */
export async function answer(player: Page, how: 'right' | 'wrong'): Promise<void> {
  const q = await shownQuestion(player);
  // Options come shuffled: the phone's button for the bank's option i is found by its text.
  const shown = await player.locator('[data-option] .answer-text').allTextContents();
  const option = (i: number) => player.locator(`[data-option="${shown.indexOf(q.options[i]!)}"]`);
  if (q.type === 'typed') {
    await player.getByLabel('Your answer').fill(how === 'right' ? q.accepted[0]! : 'certainly not this');
    await player.getByRole('button', { name: 'Submit' }).click();
  } else if (q.type === 'multi') {
    const wrongOne = q.options.findIndex((_, i) => !q.correct.includes(i));
    const picks = how === 'right' || wrongOne < 0 ? q.correct : [wrongOne, ...q.correct.slice(1)];
    for (const i of picks) await option(i).click();
    await player.getByRole('button', { name: 'Submit' }).click();
  } else {
    const right = q.correct[0]!;
    await option(how === 'right' ? right : (right + 1) % q.options.length).click();
  }
  // The last answer in closes the question at once, so the phone may already be past "locked in".
  await waitForView(player, ['locked', 'waiting', 'result']);
}
