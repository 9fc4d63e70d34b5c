import type { Answer } from '../../shared/client-events.js';
import { must, next, type TestSocket } from './clients.js';
import { FIXTURE_ANSWERS, FIXTURE_QUIZ, FIXTURE_WRONG } from './fixture-quiz.js';
import { answer, seatPlayers } from './game.js';

/** Plays every question: player i answers question q right when `right(i, q)`; ends on the podium. */
export async function playToPodium(url: string, host: TestSocket, pin: string, players: number, right: (player: number, question: number) => boolean) {
  const seated = await seatPlayers(url, pin, players);
  const total = FIXTURE_QUIZ.questions.length;
  await must(host, 'host:start', {});
  for (let q = 0; q < total; q++) {
    const reveal = next(host, 'question:reveal', (r) => r.index === q);
    await Promise.all(seated.map((p, i) => answer(p.socket, q, (right(i, q) ? FIXTURE_ANSWERS[q] : FIXTURE_WRONG[q]) as Answer)));
    await reveal;
    await must(host, 'host:next', {});
    const over = q + 1 === total ? next(host, 'game:over') : undefined;
    await must(host, 'host:next', {});
    await over;
  }
  for (const p of seated) p.socket.disconnect();
}
