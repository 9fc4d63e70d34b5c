import { cpus } from 'node:os';
import { questionKey, type Target } from './messages.js';
import type { RawRun } from './orchestrator.js';
import { summarize, type Summary } from './stats.js';

const MB = 1024 * 1024;
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export interface TargetFigures {
  target: Target;
  /** Which round of `--repeat` this run was, from 1. */
  round?: number;
  /** With `--repeat`: how many runs these figures are the median of. */
  runs?: number;
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
    /** Once the rooms exist (hosts signed up and connected), before any player. */
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
      rssPerPlayerKB: round((raw.rss.withPlayers - raw.rss.before) / Math.max(1, joined) / 1024, 1),
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
