import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { loaderCount } from './loader-pool.js';
import { runBench } from './orchestrator.js';
import { openFilesLimit } from './proc.js';
import { formatChecks, formatRounds, formatTable } from './table.js';
import { checkTargets, ratiosByRound } from './targets.js';
import { describeScenario, parseCli, variant, type CliOptions } from './scenarios.js';

/**
 * `npm run bench -- [flags]`: runs one scenario against the bare Socket.IO baseline and quizroom on each store,
 * prints a table and writes bench/results/<date>-<scenario>.json (with --json, prints the JSON instead).
 */
/** The commit measured, and whether the working tree had changes on top of it (read-only git calls). */
function codeVersion(): { commit: string; dirty: boolean } | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--', 'server', 'shared').length > 0 };
  } catch {
    return null;
  }
}

async function main(options: CliOptions): Promise<void> {
  const { scenario } = options;
  // With --json, stdout carries only the JSON: progress and the table go to stderr.
  const say = (text: string) => (options.json ? process.stderr : process.stdout).write(`${text}\n`);

  const players = scenario.rooms * scenario.playersPerRoom;
  say(describeScenario(scenario));
  say(`${loaderCount(players)} loader process(es) for ${players} clients; ${cpus().length} cores, Node ${process.version}, open files limit ${openFilesLimit()}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const { runs, attempts } = await runBench(scenario, options.targets, { redisUrl: options.redisUrl, profileDir: options.profileDir, repeat: options.repeat }, (run) =>
    say(`  ${run.target}: ${run.correctness.joined}/${run.correctness.expectedPlayers} joined, ${run.gameSec} s of game, other processes used ${Math.round(run.otherCpu.share * 100)}% of the CPU`),
  );
  const checks = checkTargets(runs);
  const rounds = ratiosByRound(attempts);
  const report = {
    date: new Date().toISOString(),
    scenario,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, openFilesLimit: openFilesLimit() },
    code: codeVersion(),
    clock: 'performance.timeOrigin + performance.now() in every process; the server stamps openedAt with Date.now()',
    runs,
    checks,
    roundRatios: rounds,
    attempts: options.repeat > 1 ? attempts : [],
  };

  if (options.repeat > 1) say(`\nEach figure is the median of ${options.repeat} runs; correctness is the worst run's.`);
  say(`\n${formatTable(runs)}\n\n${formatChecks(checks)}`);
  if (rounds.length > 1) say(`\n${formatRounds(rounds)}`);
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (!options.smoke && !options.profileDir) {
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${report.date.slice(0, 10)}-${scenario.name}${variant(scenario, options.targets)}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    say(`\nwrote ${file}`);
  }
}

try {
  await main(parseCli(process.argv.slice(2)));
} catch (err) {
  // Children are stopped by the orchestrator's cleanup; what is left to do is say why and fail.
  process.stderr.write(`bench failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
