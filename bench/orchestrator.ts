import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { checkNickname } from '../server/game/nickname.js';
import { clock, sleep } from './clock.js';
import { createRoom, playRoom, type HostedRoom, type RoomRun } from './host.js';
import { LoaderPool, loaderCount, splitSeats } from './loader-pool.js';
import { isFloor, usesRedis, type LoaderSamples, type Seat, type Target } from './messages.js';
import { allProcessesCpu, cpuSeconds, machineProcessSeconds, rssBytes } from './proc.js';
import { benchPrefix, RedisProbe } from './redis-stats.js';
import { figures, type TargetFigures } from './figures.js';
import { medianRun } from './median-run.js';
import type { Scenario } from './scenarios.js';
import { startServerChild, type ServerChild } from './server-process.js';

/** Time for the lobby's throttled updates and the joins' garbage to settle before RSS is read. */
const SETTLE_MS = 1000;

export interface RunOptions {
  redisUrl: string;
  /** Defaults to a fresh `quizroom-bench:<random>:`; a test passes its own. */
  redisPrefix?: string;
  /** Where the quizroom server writes its --cpu-prof profile. */
  profileDir?: string;
}

export interface Mark {
  at: number;
  /** The server's CPU seconds so far. */
  cpuSec: number;
  /** CPU seconds of every process of the run (server, loaders, this one, Redis), and of the whole machine. */
  benchCpuSec: number;
  machineProcessSec: number;
  redisCalls: Record<string, number> | null;
}

/** Everything one run measured, before it is reduced to figures. */
export interface RawRun {
  target: Target;
  scenario: Scenario;
  rooms: RoomRun[];
  samples: LoaderSamples[];
  loaders: { pid: number; seats: number; cpuSec: number }[];
  loaderWallSec: number;
  marks: { joinStart: Mark; joinEnd: Mark; gameStart: Mark; gameEnd: Mark };
  rss: { before: number; withPlayers: number };
  orchestratorCpuSec: number;
  serverLogLines: number;
  /** The other processes that used the most CPU from the joins to the end (those that also ended within it are not listed). */
  otherTop: { name: string; sec: number }[];
  /** Connected Redis clients seen around the game (ours and the server's included), and the keys the run created. */
  redis?: { clientsDuringGame: number; keysCreated: number };
  load: { before: number[]; after: number[] };
}

function startTarget(scenarioName: string, target: Target, options: RunOptions, prefix: string): Promise<ServerChild> {
  const env: Record<string, string> = usesRedis(target) ? { REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix } : {};
  if (isFloor(target)) return startServerChild({ entry: 'bench/baseline-server.ts', env });
  env.LOG_LEVEL = 'warn';
  // Every loader connects from 127.0.0.1: an assembly of 2000 from one address is the point here, not an abuse.
  env.LIMIT_SEATS_PER_IP_PER_ROOM = '1000000';
  // A directory per run: Node names each thread's profile itself (tsx's loader thread writes one too).
  const nodeFlags = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(options.profileDir, `${scenarioName}-${target}-${Date.now()}`)}`] : [];
  return startServerChild({ entry: 'server/main.ts', env, nodeFlags });
}

/** One scenario against one server: the baseline, or quizroom on a store. */
export async function runTarget(scenario: Scenario, target: Target, options: RunOptions): Promise<TargetFigures> {
  const load = { before: loadavg(), after: [] as number[] };
  const cpuAtStart = process.cpuUsage();
  const prefix = options.redisPrefix ?? benchPrefix();
  const probe = usesRedis(target) ? await RedisProbe.connect(options.redisUrl) : undefined;
  try {
    const measured = await measure(scenario, target, options, prefix, probe);
    const redis = probe ? { clientsDuringGame: measured.redisClients, keysCreated: await probe.countKeys(prefix) } : undefined;
    const cpu = process.cpuUsage(cpuAtStart);
    load.after = loadavg();
    return figures({ ...measured.raw, redis, orchestratorCpuSec: (cpu.user + cpu.system) / 1e6, load });
  } finally {
    if (probe) {
      await probe.dropPrefix(prefix);
      probe.close();
    }
  }
}

/** "Player 1", "Player 2", … skipping any the server's own filter refuses (its leetspeak rules catch "Player 455"). */
function* nicknames(): Generator<string, never> {
  for (let n = 1; ; n++) if (checkNickname(`Player ${n}`).ok) yield `Player ${n}`;
}

/** Redis's pid when it runs on this machine (a remote one's pid would name some unrelated local process). */
function localRedisPid(pid: number | null): number | null {
  try {
    return pid !== null && readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('redis') ? pid : null;
  } catch {
    return null;
  }
}

/** Which other processes used the CPU while we measured, by command name: who to blame for a noisy run. */
function busiestOthers(before: ReturnType<typeof allProcessesCpu>, after: ReturnType<typeof allProcessesCpu>, exclude: Set<number>) {
  const byName = new Map<string, number>();
  for (const [pid, { name, cpuSec }] of after) {
    if (exclude.has(pid)) continue;
    const used = cpuSec - (before.get(pid)?.cpuSec ?? 0);
    if (used > 0) byName.set(name, (byName.get(name) ?? 0) + used);
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, sec]) => ({ name, sec: Math.round(sec * 10) / 10 }));
}

type Measured = Omit<RawRun, 'redis' | 'orchestratorCpuSec' | 'load'>;

async function measure(scenario: Scenario, target: Target, options: RunOptions, prefix: string, probe: RedisProbe | undefined) {
  let server: ServerChild | undefined;
  let pool: LoaderPool | undefined;
  let hosts: HostedRoom[] = [];
  try {
    server = await startTarget(scenario.name, target, options, prefix);
    const { pid, url } = server;
    const redisPid = probe ? localRedisPid(await probe.pid()) : null;
    // Everything this run makes busy: the server, the loaders, this process and Redis; the rest of the machine's
    // busy time is other people's work competing for the same two cores.
    const benchCpu = () => {
      const own = process.cpuUsage();
      const others = [pid, ...(pool?.pids ?? []), ...(redisPid ? [redisPid] : [])];
      return others.reduce((sum, p) => sum + cpuSeconds(p), (own.user + own.system) / 1e6);
    };
    const mark = async (): Promise<Mark> => ({
      at: clock(),
      cpuSec: cpuSeconds(pid),
      benchCpuSec: benchCpu(),
      machineProcessSec: machineProcessSeconds(),
      redisCalls: probe ? await probe.commandCalls() : null,
    });
    const quizroom = !isFloor(target);
    hosts = await Promise.all(Array.from({ length: scenario.rooms }, (_, room) => createRoom(url, quizroom, scenario, room)));
    // After the rooms exist: a host's sign-up runs scrypt, whose memory is no player's.
    const rssBefore = rssBytes(pid);

    const names = nicknames();
    const seats: Seat[] = hosts.flatMap(({ pin }) => Array.from({ length: scenario.playersPerRoom }, () => ({ pin, nickname: names.next().value })));
    const shares = splitSeats(seats, loaderCount(seats.length));
    const loadersStartedAt = clock();
    pool = LoaderPool.start(shares.map((share) => ({ url, seats: share, burst: scenario.burst, connectAtJoin: scenario.connectAtJoin })));
    await pool.start();

    const processesAtStart = allProcessesCpu();
    const joinStart = await mark();
    const joinedPerPin = new Map<string, number>();
    for (const { perPin } of await pool.join(scenario.joinSpreadMs)) {
      for (const [pin, n] of Object.entries(perPin)) joinedPerPin.set(pin, (joinedPerPin.get(pin) ?? 0) + n);
    }
    const joinEnd = await mark();
    await sleep(SETTLE_MS);
    const rssWithPlayers = rssBytes(pid);

    const gameStart = await mark();
    const clientsBefore = probe ? await probe.clients() : 0;
    const active = pool;
    const rooms = await Promise.all(hosts.map((hosted) => playRoom(hosted, joinedPerPin.get(hosted.pin) ?? 0, scenario, active)));
    const gameEnd = await mark();
    const benchPids = new Set([pid, ...pool.pids, ...(redisPid ? [redisPid] : []), process.pid]);
    const otherTop = busiestOthers(processesAtStart, allProcessesCpu(), benchPids);
    const clientsAfter = probe ? await probe.clients() : 0;

    const loaderCpu = pool.cpuSeconds();
    const samples = await pool.report();
    const raw: Measured = {
      target,
      scenario,
      rooms,
      samples,
      loaders: pool.pids.map((p, i) => ({ pid: p, seats: shares[i]!.length, cpuSec: loaderCpu[i]! })),
      loaderWallSec: (clock() - loadersStartedAt) / 1000,
      marks: { joinStart, joinEnd, gameStart, gameEnd },
      rss: { before: rssBefore, withPlayers: rssWithPlayers },
      serverLogLines: server.logLines(),
      otherTop,
    };
    return { raw, redisClients: Math.max(clientsBefore, clientsAfter) };
  } finally {
    await pool?.close();
    for (const { host } of hosts) host.disconnect();
    await server?.stop();
  }
}

/**
 * Runs the scenario on each target in turn (baseline first), one server at a time so they never compete.
 * With repeat > 1 the targets take turns round after round (baseline, memory, Redis, baseline, ...), so a
 * machine that slows down for a few minutes slows every target alike, and each target's figures are the median
 * of its runs (`medianRun`). `attempts` keeps every run.
 */
export async function runBench(
  scenario: Scenario,
  targets: Target[],
  options: RunOptions & { repeat?: number },
  onRun?: (run: TargetFigures) => void,
): Promise<{ runs: TargetFigures[]; attempts: TargetFigures[] }> {
  const attempts: TargetFigures[] = [];
  for (let i = 0; i < (options.repeat ?? 1); i++) {
    for (const target of targets) {
      const run = { ...(await runTarget(scenario, target, options)), round: i + 1 };
      onRun?.(run);
      attempts.push(run);
    }
  }
  const runs = targets.map((target) => medianRun(attempts.filter((a) => a.target === target)));
  return { runs, attempts };
}
