import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Target } from './messages.js';

export const SCENARIO_NAMES = ['one-room', 'many-rooms', 'join-storm', 'one-class'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Scenario {
  name: ScenarioName;
  rooms: number;
  playersPerRoom: number;
  questions: number;
  /** Joins are spread uniformly over this window; 0 sends them all at once, which measures throughput. */
  joinSpreadMs: number;
  connectAtJoin: boolean;
  burst: boolean;
  /** Long enough that a question closes because everyone answered, not at its deadline. */
  timeLimitSec: number;
}

const DEFAULTS: Record<ScenarioName, Omit<Scenario, 'name' | 'burst'>> = {
  'one-room': { rooms: 1, playersPerRoom: 2000, questions: 5, joinSpreadMs: 0, connectAtJoin: false, timeLimitSec: 20 },
  'many-rooms': { rooms: 100, playersPerRoom: 30, questions: 5, joinSpreadMs: 0, connectAtJoin: false, timeLimitSec: 20 },
  'join-storm': { rooms: 1, playersPerRoom: 2000, questions: 1, joinSpreadMs: 5000, connectAtJoin: true, timeLimitSec: 20 },
  // A class on a quiet server: nothing queues, so each latency is what one join or answer costs end to end.
  'one-class': { rooms: 1, playersPerRoom: 30, questions: 10, joinSpreadMs: 5000, connectAtJoin: true, timeLimitSec: 20 },
};

export interface CliOptions {
  scenario: Scenario;
  targets: Target[];
  smoke: boolean;
  json: boolean;
  redisUrl: string;
  /** Rounds of runs (the targets take turns); each figure is then the median of a target's runs. */
  repeat: number;
  /** Directory for the server's --cpu-prof output, when profiling. */
  profileDir: string | undefined;
}

const STORES: Record<string, Target[]> = { memory: ['memory'], redis: ['redis'], both: ['memory', 'redis'] };

export const USAGE = `npm run bench -- [--scenario one-room|many-rooms|join-storm|one-class] [--players N (per room)] [--rooms N]
  [--questions N] [--store memory|redis|both] [--burst] [--smoke] [--json] [--no-baseline] [--redis-floor]
  [--repeat N] [--redis-url redis://127.0.0.1:6379] [--profile DIR]`;

export function parseCli(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scenario: { type: 'string', default: 'one-room' },
      players: { type: 'string' },
      rooms: { type: 'string' },
      questions: { type: 'string' },
      store: { type: 'string' },
      burst: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
      'redis-floor': { type: 'boolean', default: false },
      'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
      repeat: { type: 'string' },
      profile: { type: 'string' },
    },
  });
  const name = values.scenario as ScenarioName;
  if (!SCENARIO_NAMES.includes(name)) throw new Error(`Unknown scenario ${name}.\n${USAGE}`);
  // A smoke is the smallest run that still crosses every code path: 50 players, 2 questions, memory store.
  const smoke = values.smoke ? { rooms: 1, playersPerRoom: 50, questions: 2, joinSpreadMs: 0, connectAtJoin: false } : {};
  const count = (flag: string | undefined, label: string) => {
    if (flag === undefined) return undefined;
    const n = Number(flag);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${label} wants a positive integer.`);
    return n;
  };
  const scenario: Scenario = { name, ...DEFAULTS[name], ...smoke, burst: values.burst };
  scenario.playersPerRoom = count(values.players, 'players') ?? scenario.playersPerRoom;
  scenario.rooms = count(values.rooms, 'rooms') ?? scenario.rooms;
  scenario.questions = count(values.questions, 'questions') ?? scenario.questions;
  const store = values.store ?? (values.smoke ? 'memory' : 'both');
  const stores = STORES[store];
  if (!stores) throw new Error(`--store wants memory, redis or both.\n${USAGE}`);
  return {
    scenario,
    targets: [...(values['no-baseline'] ? [] : ['baseline' as const]), ...(values['redis-floor'] ? ['baseline-redis' as const] : []), ...stores],
    smoke: values.smoke,
    json: values.json,
    redisUrl: values['redis-url'],
    repeat: count(values.repeat, 'repeat') ?? 1,
    profileDir: values.profile === undefined ? undefined : resolve(values.profile),
  };
}

export function describeScenario(s: Scenario): string {
  const joins = s.joinSpreadMs > 0 ? `joins spread over ${s.joinSpreadMs / 1000} s` : 'all joins at once';
  const answers = s.burst ? 'everyone answers within 200 ms' : 'answers spread 0.5–4 s (log-normal)';
  return `${s.name}: ${s.rooms} room(s) × ${s.playersPerRoom} players, ${s.questions} question(s), ${joins}, ${answers}`;
}

/** A file-name suffix for a run that is not the scenario as defined, so it never overwrites the standard figures. */
export function variant(s: Scenario, targets: readonly Target[]): string {
  const d = DEFAULTS[s.name];
  const sized = s.rooms !== d.rooms || s.playersPerRoom !== d.playersPerRoom || s.questions !== d.questions;
  const partial = targets.join('+') !== 'baseline+memory+redis';
  return `${sized ? `-${s.rooms}x${s.playersPerRoom}x${s.questions}q` : ''}${s.burst ? '-burst' : ''}${partial ? `-${targets.join('+')}` : ''}`;
}
