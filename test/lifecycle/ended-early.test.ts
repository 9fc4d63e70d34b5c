import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSummary, SavedReport } from '../../shared/report.js';
import { connectClient, emitAck, must, next, type TestSocket } from '../support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_WRONG } from '../support/fixture-quiz.js';
import { answer, seatPlayers } from '../support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';
import { freshEmail, HostClient, success } from '../accounts/host-client.js';

/** Asks for the host's reports until one is there: the report is kept as the room closes, not before the ack. */
async function onlyReport(teacher: HostClient): Promise<{ summary: ReportSummary; report: SavedReport }> {
  const list = async () => success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports;
  await expect.poll(async () => (await list()).length).toBe(1);
  const [summary] = await list();
  const { report } = success(await teacher.call<{ report: SavedReport }>('GET', `/api/my/reports/${summary!.id}`));
  return { summary: summary!, report };
}

describe.each(STORE_KINDS)('a game the host ends early, on the %s store', (kind) => {
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: false } });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  async function signedInHost() {
    const teacher = new HostClient(server.url);
    await teacher.signUp(freshEmail('early'));
    const host = await teacher.socket();
    sockets.push(host);
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', shuffleQuestions: false, shuffleOptions: false });
    return { teacher, host, pin };
  }

  it('keeps the report of the one question played, marked as ended early, and tells the phones why the room closed', async () => {
    const { teacher, host, pin } = await signedInHost();
    const [ada, grace] = await seatPlayers(server.url, pin, 2);
    sockets.push(ada!.socket, grace!.socket);
    await must(host, 'host:start', {});
    const revealed = next(host, 'question:reveal');
    await answer(ada!.socket, 0, FIXTURE_ANSWERS[0]);
    await answer(grace!.socket, 0, FIXTURE_WRONG[0]);
    await revealed;

    const closed = next(ada!.socket, 'room:closed');
    await must(host, 'host:end', {});
    expect(await closed).toEqual({ code: 'ended_by_host', reason: 'The host ended the game.' });

    const { summary, report } = await onlyReport(teacher);
    expect(summary).toMatchObject({ pin, endedEarly: true, questionCount: 1, playerCount: 2, averageAccuracy: 0.5 });
    expect(report.endedEarly).toBe(true);
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0]).toMatchObject({ index: 0, answered: 2, correct: 1, distribution: [1, 1, 0, 0] });
    const byName = new Map(report.players.map((p) => [p.nickname, p]));
    expect(byName.get('Player 01')).toMatchObject({ rank: 1, correct: 1, accuracy: 1 });
    expect(byName.get('Player 01')!.answers.map((a) => a?.given)).toEqual(['I/O-bound work']);
    expect(byName.get('Player 02')!.answers.map((a) => a?.given)).toEqual(['CPU-bound work']);
    expect(report.needsHelp).toEqual(['Player 02']);

    // A phone coming back after the end sees the finals of what was played, not of the whole quiz.
    const back = await connectClient(server.url);
    sockets.push(back);
    const state = next(back, 'room:state');
    await must(back, 'player:rejoin', { pin, playerToken: ada!.playerToken });
    expect((await state).gameOver).toMatchObject({ total: 1, you: { correct: 1, missed: [] } });
  });

  it('ended during an open question, reports the questions up to that one with the answers already in', async () => {
    const { teacher, host, pin } = await signedInHost();
    const [ada] = await seatPlayers(server.url, pin, 2);
    sockets.push(ada!.socket);
    await must(host, 'host:start', {});
    const revealed = next(host, 'question:reveal');
    await answer(ada!.socket, 0, FIXTURE_ANSWERS[0]);
    await must(host, 'host:next', {});
    await revealed;
    await must(host, 'host:next', {});
    const opened = next(ada!.socket, 'question:open');
    await must(host, 'host:next', {});
    await opened;
    await answer(ada!.socket, 1, [...FIXTURE_ANSWERS[1]]);
    await must(host, 'host:end', {});

    const { summary, report } = await onlyReport(teacher);
    expect(summary).toMatchObject({ endedEarly: true, questionCount: 2 });
    expect(report.players.find((p) => p.nickname === 'Player 01')).toMatchObject({ correct: 2, answered: 2, accuracy: 1 });
    expect(await emitAck(host, 'host:next', {})).toMatchObject({ ok: false, error: { code: 'wrong_phase' } });
  });

  it('keeps no report for a game ended in its lobby', async () => {
    const { teacher, host, pin } = await signedInHost();
    await seatPlayers(server.url, pin, 1).then((s) => sockets.push(...s.map((p) => p.socket)));
    await must(host, 'host:end', {});
    // The lobby's end is announced before the ack returns; a report would have been kept before it.
    expect(success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports).toEqual([]);
  });
});
