import { readdirSync, readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc reports CPU time in these ticks (`getconf CLK_TCK` is 100 on every mainstream kernel). */
const CLOCK_TICKS_PER_SEC = 100;

/** User + system CPU seconds a process has used so far, from /proc/<pid>/stat (fields 14 and 15). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields from after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SEC;
}

/** Resident set size in bytes, from VmRSS in /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** The soft limit on open files, which caps sockets per process. */
export function openFilesLimit(): number | null {
  const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return match ? Number(match[1]) : null;
}

/**
 * CPU seconds all processes on the machine have used (user, nice and system, every core), from /proc/stat.
 * Interrupt time is left out: it is mostly the kernel moving our own loopback traffic, charged to no process.
 */
export function machineProcessSeconds(): number {
  const [, user = 0, nice = 0, system = 0] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return (user + nice + system) / CLOCK_TICKS_PER_SEC;
}

/** CPU seconds so far of every process on the machine, by pid, with its command name. */
export function allProcessesCpu(): Map<number, { name: string; cpuSec: number }> {
  const table = new Map<number, { name: string; cpuSec: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      table.set(Number(entry), { name, cpuSec: cpuSeconds(Number(entry)) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return table;
}
