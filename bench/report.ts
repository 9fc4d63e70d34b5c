import { cpus } from 'node:os';
import type { Target } from './messages.js';
import { questionKey } from './messages.js';
import type { RawRun } from './orchestrator.js';
import { ratio, summarize, type Summary } from './stats.js';

const MB = 1024 * 1024;
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export interface TargetFigures {
  target: Target;
  players: number;
  rooms: number;
  questions: number;
  join: { throughputPerSec: number | null; ms: Summary; connectMs: Summary };
  /** Server's openedAt in question:open → each player's receipt. */
  fanoutMs: Summary;
  answerAckMs: Summary;
  /** question:reveal's receipt on the room's host → each player's player:result receipt. */
  revealToResultMs: Summary;
  /** Per room and question: the last answer sent → the last player:result received. */
  lastAnswerToResultsMs: Summary;
  server: {
    cpuJoinSec: number;
    cpuGameSec: number;
    cpuPer1000AnswersSec: number | null;
    rssBeforeMB: number;
    rssWithPlayersMB: number;
    rssPerPlayerKB: number;
    logLines: number;
  };
  /** Commands as INFO commandstats counts them: those run inside Lua scripts included, the game's whole window per answer. */
  redis: {
    commandsPerAnswer: number | null;
    commandsPerJoin: number | null;
    perAnswerByCommand: Record<string, number>;
    clientsDuringGame: number;
    keysCreated: number;
  } | null;
  loaders: { pid: number; seats: number; cpuSec: number; busyShare: number; loopDelayP99Ms: number }[];
  orchestratorCpuSec: number;
  correctness: {
    expectedPlayers: number;
    joined: number;
    expectedAnswers: number;
    answersOk: number;
    expectedResults: number;
    results: number;
    opens: number;
    gameOvers: number;
    disconnects: number;
    incompleteQuestions: number;
    roomErrors: string[];
    errors: Record<string, number>;
  };
  gameSec: number;
  /** CPU seconds other processes on the machine used from the first join to the end, and their share of all cores' time. */
  otherCpu: { sec: number; share: number; top: { name: string; sec: number }[] };
  load: { before: number[]; after: number[] };
}

export function figures(raw: RawRun): TargetFigures {
  const { scenario, samples, marks } = raw;
  const players = scenario.rooms * scenario.playersPerRoom;
  const all = <K extends 'connectMs' | 'joinMs' | 'fanoutMs' | 'answerAckMs'>(key: K) => samples.flatMap((s) => s[key]);
  const sum = (f: (s: RawRun['samples'][number]) => number) => samples.reduce((n, s) => n + f(s), 0);

  const firstEmit = Math.min(...samples.map((s) => s.joinFirstEmitAt ?? Infinity));
  const lastAck = Math.max(...samples.map((s) => s.joinLastAckAt ?? -Infinity));
  const joined = sum((s) => s.joined);
  const joinWindowSec = (lastAck - firstEmit) / 1000;

  const revealToResult: number[] = [];
  const lastAnswerToResults: number[] = [];
  for (const room of raw.rooms) {
    for (const q of room.questions) {
      const key = questionKey(room.pin, q.index);
      const received = samples.flatMap((s) => s.resultsAt[key] ?? []);
      for (const at of received) revealToResult.push(at - q.revealAt);
      const lastAnswer = Math.max(...samples.map((s) => s.lastAnswerAt[key] ?? -Infinity));
      if (received.length > 0 && Number.isFinite(lastAnswer)) lastAnswerToResults.push(Math.max(...received) - lastAnswer);
    }
  }

  const answersOk = sum((s) => s.answersOk);
  const gameSec = (marks.gameEnd.at - marks.gameStart.at) / 1000;
  // From the first join to the end of the game: interference with either phase skews the figures.
  const measuredSec = (marks.gameEnd.at - marks.joinStart.at) / 1000;
  const otherCpuSec = Math.max(0, marks.gameEnd.machineProcessSec - marks.joinStart.machineProcessSec - (marks.gameEnd.benchCpuSec - marks.joinStart.benchCpuSec));
  const cpuGameSec = marks.gameEnd.cpuSec - marks.gameStart.cpuSec;
  const callsBetween = (from: keyof RawRun['marks'], to: keyof RawRun['marks']) => {
    const [before, after] = [marks[from].redisCalls, marks[to].redisCalls];
    if (!before || !after) return {};
    const delta: Record<string, number> = {};
    for (const [name, n] of Object.entries(after)) if (n !== (before[name] ?? 0)) delta[name] = n - (before[name] ?? 0);
    return delta;
  };
  const perUnit = (calls: Record<string, number>, units: number) =>
    units === 0 ? null : round(Object.values(calls).reduce((a, b) => a + b, 0) / units);
  const gameCalls = callsBetween('gameStart', 'gameEnd');
  const byCommand = Object.fromEntries(
    Object.entries(gameCalls)
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => [name, round(n / Math.max(1, answersOk))])
      .filter(([, n]) => n !== 0),
  );
  const errors: Record<string, number> = {};
  for (const s of samples) for (const [k, n] of Object.entries(s.errors)) errors[k] = (errors[k] ?? 0) + n;

  return {
    target: raw.target,
    players,
    rooms: scenario.rooms,
    questions: scenario.questions,
    join: {
      throughputPerSec: joinWindowSec > 0 ? Math.round(joined / joinWindowSec) : null,
      ms: summarize(all('joinMs')),
      connectMs: summarize(all('connectMs')),
    },
    fanoutMs: summarize(all('fanoutMs')),
    answerAckMs: summarize(all('answerAckMs')),
    revealToResultMs: summarize(revealToResult),
    lastAnswerToResultsMs: summarize(lastAnswerToResults),
    server: {
      cpuJoinSec: round(marks.joinEnd.cpuSec - marks.joinStart.cpuSec),
      cpuGameSec: round(cpuGameSec),
      cpuPer1000AnswersSec: answersOk > 0 ? round((cpuGameSec / answersOk) * 1000, 3) : null,
      rssBeforeMB: round(raw.rss.before / MB, 1),
      rssWithPlayersMB: round(raw.rss.withPlayers / MB, 1),
      rssPerPlayerKB: round((raw.rss.withPlayers - raw.rss.before) / players / 1024, 1),
      logLines: raw.serverLogLines,
    },
    redis: raw.redis
      ? { commandsPerAnswer: perUnit(gameCalls, answersOk), commandsPerJoin: perUnit(callsBetween('joinStart', 'joinEnd'), joined), perAnswerByCommand: byCommand, ...raw.redis }
      : null,
    loaders: raw.loaders.map((l, i) => ({
      ...l,
      cpuSec: round(l.cpuSec),
      busyShare: round(l.cpuSec / raw.loaderWallSec),
      loopDelayP99Ms: samples[i]!.loopDelayP99Ms,
    })),
    orchestratorCpuSec: round(raw.orchestratorCpuSec),
    correctness: {
      expectedPlayers: players,
      joined,
      expectedAnswers: players * scenario.questions,
      answersOk,
      expectedResults: players * scenario.questions,
      results: revealToResult.length,
      opens: sum((s) => s.opens),
      gameOvers: sum((s) => s.gameOvers),
      disconnects: sum((s) => s.disconnects),
      incompleteQuestions: raw.rooms.reduce((n, r) => n + r.questions.filter((q) => !q.everyResult).length + (scenario.questions - r.questions.length), 0),
      roomErrors: raw.rooms.flatMap((r) => (r.error ? [`${r.pin}: ${r.error}`] : [])),
      errors,
    },
    gameSec: round(gameSec, 1),
    otherCpu: { sec: round(otherCpuSec, 1), share: round(otherCpuSec / (measuredSec * cpus().length)), top: raw.otherTop },
    load: { before: raw.load.before.map((l) => round(l)), after: raw.load.after.map((l) => round(l)) },
  };
}

export interface TargetCheck {
  store: Target;
  goal: string;
  value: string;
  met: boolean | null;
}

const ms = (v: number | null) => (v === null ? '–' : `${v} ms`);

/** The goals in docs/benchmarks.md, checked for each store run against the baseline and the memory run. */
export function checkTargets(runs: readonly TargetFigures[]): TargetCheck[] {
  const baseline = runs.find((r) => r.target === 'baseline');
  const memory = runs.find((r) => r.target === 'memory');
  const checks: TargetCheck[] = [];
  for (const run of runs.filter((r) => r.target !== 'baseline')) {
    const add = (goal: string, value: string, met: boolean | null) => checks.push({ store: run.target, goal, value, met });
    const ackP99 = run.answerAckMs.p99;
    add('answer-ack p99 < 100 ms', ms(ackP99), ackP99 === null ? null : ackP99 < 100);
    const fanout = ratio(run.fanoutMs.p99, baseline?.fanoutMs.p99 ?? null);
    add('fan-out p99 ≤ 1.5× baseline', fanout === null ? '–' : `${fanout}×`, fanout === null ? null : fanout <= 1.5);
    const late = run.revealToResultMs.max;
    add('every result ≤ 500 ms after the reveal', `max ${ms(late)}`, late === null ? null : late <= 500);
    add('RSS per connected player < 30 KB', `${run.server.rssPerPlayerKB} KB`, run.server.rssPerPlayerKB < 30);
    if (run.target === 'redis' && memory) {
      const pairs = latencyRows.map(([label, get]) => [label, ratio(get(run), get(memory))] as const);
      const worst = pairs.reduce((w, p) => ((p[1] ?? 0) > (w[1] ?? 0) ? p : w));
      add('Redis ≤ 1.5× memory on every latency (p99)', `worst ${worst[0]} ${worst[1] ?? '–'}×`, pairs.every(([, r]) => r === null || r <= 1.5));
    }
  }
  return checks;
}

type Row = readonly [string, (f: TargetFigures) => number | null];

/** The p99 latencies compared between runs. */
const latencyRows: Row[] = [
  ['join', (f) => f.join.ms.p99],
  ['fan-out', (f) => f.fanoutMs.p99],
  ['answer-ack', (f) => f.answerAckMs.p99],
  ['reveal→result', (f) => f.revealToResultMs.p99],
];

const pair = (s: Summary, a: keyof Summary, b: keyof Summary) => `${s[a] ?? '–'} / ${s[b] ?? '–'}`;

/** A fixed-width table: one row per figure, one column per target, latencies with their ratio to the baseline. */
export function formatTable(runs: readonly TargetFigures[]): string {
  const baseline = runs.find((r) => r.target === 'baseline');
  const vs = (run: TargetFigures, get: (f: TargetFigures) => number | null) => {
    const r = baseline && run !== baseline ? ratio(get(run), get(baseline)) : null;
    return r === null ? '' : ` (${r}×)`;
  };
  const rows: [string, (f: TargetFigures) => string][] = [
    ['players joined', (f) => `${f.correctness.joined}/${f.correctness.expectedPlayers}`],
    ['join throughput (players/s)', (f) => String(f.join.throughputPerSec ?? '–')],
    ['join p50 / p99 (ms)', (f) => pair(f.join.ms, 'p50', 'p99') + vs(f, (x) => x.join.ms.p99)],
    ['fan-out p50 / p99 (ms)', (f) => pair(f.fanoutMs, 'p50', 'p99') + vs(f, (x) => x.fanoutMs.p99)],
    ['answer-ack p50 / p95 (ms)', (f) => pair(f.answerAckMs, 'p50', 'p95') + vs(f, (x) => x.answerAckMs.p95)],
    ['answer-ack p99 (ms)', (f) => String(f.answerAckMs.p99 ?? '–') + vs(f, (x) => x.answerAckMs.p99)],
    ['reveal→result p99 / max (ms)', (f) => pair(f.revealToResultMs, 'p99', 'max') + vs(f, (x) => x.revealToResultMs.p99)],
    ['last answer→all results p50 / max (ms)', (f) => pair(f.lastAnswerToResultsMs, 'p50', 'max')],
    ['answers acked ok', (f) => `${f.correctness.answersOk}/${f.correctness.expectedAnswers}`],
    ['results received', (f) => `${f.correctness.results}/${f.correctness.expectedResults}`],
    ['server CPU join / game (s)', (f) => `${f.server.cpuJoinSec} / ${f.server.cpuGameSec}`],
    ['server CPU per 1000 answers (s)', (f) => String(f.server.cpuPer1000AnswersSec ?? '–')],
    ['server RSS before / with players (MB)', (f) => `${f.server.rssBeforeMB} / ${f.server.rssWithPlayersMB}`],
    ['RSS per connected player (KB)', (f) => String(f.server.rssPerPlayerKB)],
    ['Redis commands per answer / join', (f) => (f.redis ? `${f.redis.commandsPerAnswer ?? '–'} / ${f.redis.commandsPerJoin ?? '–'}` : '–')],
    ['loader CPU s (busy share, loop lag p99 ms)', (f) => f.loaders.map((l) => `${l.cpuSec} (${Math.round(l.busyShare * 100)}%, ${Math.round(l.loopDelayP99Ms)})`).join(', ')],
    ['orchestrator CPU (s)', (f) => String(f.orchestratorCpuSec)],
    ['disconnects / errors', (f) => `${f.correctness.disconnects} / ${Object.values(f.correctness.errors).reduce((a, b) => a + b, 0)}`],
    ['server log lines (warn+)', (f) => String(f.server.logLines)],
    ['other processes\' CPU, joins + game (s, share)', (f) => `${f.otherCpu.sec} (${Math.round(f.otherCpu.share * 100)}%)`],
    ['busiest other processes (CPU s)', (f) => f.otherCpu.top.map((p) => `${p.name} ${p.sec}`).join(', ') || '–'],
    ['load average before → after', (f) => `${f.load.before[0]} → ${f.load.after[0]}`],
  ];
  const cells = rows.map(([label, get]) => [label, ...runs.map(get)]);
  const header = ['', ...runs.map((r) => r.target)];
  const widths = header.map((_, c) => Math.max(...[header, ...cells].map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), ...cells.map(line)].join('\n');
}

export function formatChecks(checks: readonly TargetCheck[]): string {
  const mark = (met: boolean | null) => (met === null ? 'n/a ' : met ? 'met ' : 'MISS');
  return checks.map((c) => `${mark(c.met)}  ${c.store.padEnd(6)}  ${c.goal}: ${c.value}`).join('\n');
}
