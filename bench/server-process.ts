import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/free-port.js';
import { sleep } from './clock.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const READY_TIMEOUT_MS = 30_000;
/** Server output echoed to our stderr; past this many lines only counted, so a flood of warnings cannot drown the table. */
const ECHOED_LINES = 20;

export interface ServerChild {
  pid: number;
  url: string;
  /** Lines the server wrote to stdout or stderr (with LOG_LEVEL=warn, each is a warning or worse). */
  logLines(): number;
  stop(): Promise<void>;
}

export interface ServerSpec {
  /** The script to run under `node --import tsx`, relative to the repository. */
  entry: string;
  env: Record<string, string>;
  /** Node flags before the script, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/** Starts a server as its users would (`node --import tsx <entry>` with PORT and HOST), and waits for /healthz. */
export async function startServerChild(spec: ServerSpec): Promise<ServerChild> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...spec.env };
  // The store is chosen by REDIS_URL alone: a memory run must not inherit one from the caller's shell.
  if (!spec.env.REDIS_URL) delete env.REDIS_URL;
  const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), '--import', 'tsx', spec.entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  const echo = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue;
      if (++lines <= ECHOED_LINES) process.stderr.write(`[${spec.entry}] ${line}\n`);
    }
  };
  child.stdout!.on('data', echo);
  child.stderr!.on('data', echo);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(child, url);
  return { pid: child.pid!, url, logLines: () => lines, stop: () => stopChild(child) };
}

async function waitReady(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready at ${url} within ${READY_TIMEOUT_MS} ms`);
}

/** SIGTERM (the server's graceful close, which also writes a --cpu-prof profile), then SIGKILL after 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
