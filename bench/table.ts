import type { TargetFigures } from './figures.js';
import { ratio, type Summary } from './stats.js';
import type { RoundRatios, TargetCheck } from './targets.js';

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
    ['server RSS rooms only / with players (MB)', (f) => `${f.server.rssBeforeMB} / ${f.server.rssWithPlayersMB}`],
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

/** One line per round of `--repeat`: the Redis-to-memory p99 ratios of that round's two runs. */
export function formatRounds(rounds: readonly RoundRatios[]): string {
  const list = (ratios: Record<string, number | null>) => Object.entries(ratios).map(([label, r]) => `${label} ${r ?? '–'}×`).join(', ');
  const lines = rounds.map(
    ({ round, ratios, met, floor }) => `round ${round}: ${list(ratios)}  ${met ? 'met' : 'MISS'}${floor ? `\n  floor with Redis ÷ floor: ${list(floor)}` : ''}`,
  );
  return ['Redis ÷ memory, p99, each round:', ...lines].join('\n');
}
