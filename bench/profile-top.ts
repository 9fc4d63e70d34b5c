import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * `node --import tsx bench/profile-top.ts <file.cpuprofile> [rows]`: the functions and files with the most self
 * time in a profile written by `npm run bench -- --profile DIR` (the server runs with --cpu-prof; of the two
 * profiles in each run's directory, the larger is the main thread, the other tsx's loader thread).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: bench/profile-top.ts <file.cpuprofile> [rows]');
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

const where = (url: string) => {
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith('/') ? relative(process.cwd(), path) : path || '(native)';
};
const label = ({ functionName, url, lineNumber }: ProfileNode['callFrame']) =>
  `${functionName || '(anonymous)'}  ${where(url)}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}`;
/** Our own code, as opposed to Node's internals and dependencies. */
const ours = (url: string) => /^(server|shared)\//.test(where(url));

const selfTotals = new Map<string, number>();
const fileTotals = new Map<string, number>();
const inclusiveTotals = new Map<string, number>();
const add = (totals: Map<string, number>, key: string, us: number) => totals.set(key, (totals.get(key) ?? 0) + us);
let total = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  const frame = byId.get(id)!.callFrame;
  add(selfTotals, label(frame), us);
  add(fileTotals, where(frame.url), us);
  total += us;
  // Each of our functions on the stack counts once per sample, however deep it recurses.
  const seen = new Set<string>();
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
    const f = byId.get(node)!.callFrame;
    if (ours(f.url)) seen.add(label(f));
  }
  for (const key of seen) add(inclusiveTotals, key, us);
});

/**
 * The longest stretches without an idle sample: the event loop was blocked (or starved of CPU) for that long,
 * which is what pushes ack and fan-out latencies into their tails.
 */
interface Stretch {
  ms: number;
  atMs: number;
  ours: Map<string, number>;
}
const stretches: Stretch[] = [];
let current: Stretch | undefined;
let elapsedUs = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  elapsedUs += us;
  const frame = byId.get(id)!.callFrame;
  if (frame.functionName === '(idle)') {
    if (current) stretches.push(current);
    current = undefined;
    return;
  }
  current ??= { ms: 0, atMs: elapsedUs / 1000, ours: new Map() };
  current.ms += us / 1000;
  // The outermost of our functions on the stack says which piece of work the stretch was doing.
  let outer: string | undefined;
  for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
    const f = byId.get(node)!.callFrame;
    if (ours(f.url)) outer = label(f);
  }
  add(current.ours, outer ?? '(not our code)', us / 1000);
});

const show = (title: string, totals: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
show('self time by function', selfTotals);
show('self time by file', fileTotals);
show('total time (self + callees) of our own functions', inclusiveTotals);

console.log('\nlongest busy stretches (no idle sample): ms, at ms into the profile, and our outermost functions in them');
for (const stretch of stretches.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
  const top = [...stretch.ours].sort((a, b) => b[1] - a[1]).slice(0, 4);
  const short = (f: string) => f.replace(/ {2}(?:.*\/)?([^/]+)$/, '@$1');
  console.log(`${stretch.ms.toFixed(0).padStart(6)} ms @ ${stretch.atMs.toFixed(0).padStart(6)}  ${top.map(([f, ms]) => `${short(f)} ${ms.toFixed(0)}`).join(', ')}`);
}
