import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostQuizSummary } from '../../shared/library.js';
import type { ReportSummary, SavedReport } from '../../shared/report.js';
import { emitAck, must, next, type TestSocket } from '../support/clients.js';
import { playToPodium } from '../support/play-to-podium.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { UNSHUFFLED } from '../support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';
import { failure, freshEmail, HostClient, success, twoHostServer } from './host-client.js';

describe.each(STORE_KINDS)('hosting with accounts on the %s store (open mode off)', (kind) => {
  let server: TestServer;
  let ada: HostClient;
  let grace: HostClient;
  let quizId: string;
  const sockets: TestSocket[] = [];
  const socketOf = async (client: HostClient) => {
    const socket = await client.socket();
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    ({ server, ada, grace } = await twoHostServer(kind));
    const created = await ada.call<{ quiz: HostQuizSummary }>('POST', '/api/my/quizzes', { ...FIXTURE_QUIZ, title: 'Ada\'s fixture' });
    quizId = success(created).quiz.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  it('refuses host:create from a socket without a session', async () => {
    const anonymous = await socketOf(new HostClient(server.url));
    const reply = await emitAck(anonymous, 'host:create', { quizId: 'fixture' });
    expect(reply).toEqual({ ok: false, error: { code: 'forbidden', message: 'Sign in to create a game.' } });
    const signedOut = new HostClient(server.url);
    await signedOut.signUp(freshEmail());
    const stale = signedOut.cookie;
    await signedOut.call('POST', '/api/account/signout');
    signedOut.cookie = stale;
    expect(await emitAck(await socketOf(signedOut), 'host:create', { quizId: 'fixture' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('accepts host:create with the session cookie in the handshake, for built-ins and the host\'s own quiz', async () => {
    expect(await emitAck(await socketOf(ada), 'host:create', { quizId: 'module-16-s2' })).toMatchObject({ ok: true, pin: expect.stringMatching(/^\d{6}$/) });
    const socket = await socketOf(ada);
    const state = next(socket, 'room:state');
    await must(socket, 'host:create', { quizId });
    const host = await state;
    expect(host.role === 'host' && host.settings).toMatchObject({ title: 'Ada\'s fixture', total: FIXTURE_QUIZ.questions.length });
  });

  it('does not let another host play Ada\'s quiz', async () => {
    expect(await emitAck(await socketOf(grace), 'host:create', { quizId })).toEqual({ ok: false, error: { code: 'not_found', message: `No quiz with id ${quizId}.` } });
  });

  it('saves the finished game\'s report under its host, with the quiz version, and shows it to nobody else', async () => {
    const host = await socketOf(ada);
    const { pin } = await must(host, 'host:create', { quizId, ...UNSHUFFLED });
    // Players 0 and 1 answer everything right; player 2 only question 0, so they need help.
    await playToPodium(server.url, host, pin, 3, (player, question) => player < 2 || question === 0);

    await expect.poll(async () => success(await ada.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports.length).toBe(1);
    const [summary] = success(await ada.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports;
    expect(summary).toMatchObject({ pin, quizId, quizTitle: 'Ada\'s fixture', quizVersion: 1, playerCount: 3, questionCount: 4 });
    expect(summary!.averageAccuracy).toBeCloseTo((1 + 1 + 0.25) / 3);

    const { report } = success(await ada.call<{ report: SavedReport }>('GET', `/api/my/reports/${summary!.id}`));
    expect(report.questions[0]).toMatchObject({ type: 'single', answered: 3, correct: 3, shareCorrect: 1, distribution: [0, 3, 0, 0], answer: 'I/O-bound work' });
    expect(report.questions[1]).toMatchObject({ type: 'multi', correct: 2, distribution: [3, 2, 0, 0] });
    expect(report.questions[3]).toMatchObject({ type: 'typed', distribution: [2, 1] });
    // Questions 1-3 were each missed by one player; question 0 by nobody, so it is never hard.
    expect([...report.hardest].sort()).toEqual([1, 2, 3]);
    expect(report.needsHelp).toEqual(['Player 03']);
    const weakest = report.players.find((p) => p.nickname === 'Player 03')!;
    expect(weakest).toMatchObject({ rank: 3, correct: 1, answered: 4, accuracy: 0.25 });
    expect(weakest.answers.map((a) => a?.given)).toEqual(['I/O-bound work', 'DataFrame', 'True', 'GPU']);
    expect(report.players.every((p) => p.answers.every((a) => a !== null && a.responseMs >= 0))).toBe(true);

    expect(failure(await grace.call('GET', `/api/my/reports/${summary!.id}`))).toMatchObject({ code: 'not_found' });
    expect(success(await grace.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports).toEqual([]);
    expect((await new HostClient(server.url).call('GET', '/api/my/reports')).status).toBe(401);
  });
});

describe.each(STORE_KINDS)('open mode on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: true } });
  });
  afterAll(async () => server?.stop());

  it('keeps an anonymous game\'s report for the browser that hosted it, and a signed-in host\'s for the account', async () => {
    const visitor = new HostClient(server.url);
    expect(success(await visitor.call<{ openMode: boolean }>('GET', '/api/account/me')).openMode).toBe(true);
    const host = await visitor.socket();
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    await playToPodium(server.url, host, pin, 1, () => true);
    host.disconnect();

    await expect.poll(async () => success(await visitor.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports.map((r) => r.pin)).toEqual([pin]);
    const teacher = new HostClient(server.url);
    await teacher.signUp(freshEmail());
    expect(success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports).toEqual([]);

    // Signed in, even in open mode, a host's game is theirs: not in the open bucket.
    const own = await teacher.socket();
    const second = await must(own, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    await playToPodium(server.url, own, second.pin, 1, () => false);
    own.disconnect();
    await expect.poll(async () => success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports.map((r) => r.pin)).toEqual([second.pin]);
    expect(success(await visitor.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports.map((r) => r.pin)).toEqual([pin]);
  });
});
