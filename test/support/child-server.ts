import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach } from 'vitest';
import { connectClient, type TestSocket } from './clients.js';
import { freePort } from '../../scripts/free-port.js';
import { dropPrefix, redisUrl, testPrefix } from './redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal. */
  exited: Promise<number | NodeJS.Signals | null>;
  output(): string;
}

/** The real entry point (`server/main.ts`) in its own process, as a user or a process manager starts it. */
export async function startChild(env: Record<string, string>, port?: number): Promise<ChildServer> {
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(listenPort), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (log.includes('quizroom listening')) {
        child.stdout!.off('data', onData);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((how) => reject(new Error(`server exited (${how}) before listening:\n${log}`)));
  });
  return { url: `http://127.0.0.1:${listenPort}`, port: listenPort, child, exited, output: () => log };
}

/**
 * What a suite of child-process tests starts: servers on Redis under prefixes of their own, and client sockets.
 * Sockets close and servers die after each test; the prefixes' keys are dropped after the suite.
 */
export function childPool() {
  const prefixes: string[] = [];
  const children: ChildServer[] = [];
  const sockets: TestSocket[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
    for (const c of children.splice(0)) c.child.kill('SIGKILL');
  });
  afterAll(async () => {
    for (const p of prefixes) await dropPrefix(p);
  });
  return {
    prefix(name: string): string {
      const prefix = testPrefix(name);
      prefixes.push(prefix);
      return prefix;
    },
    async boot(prefix: string, env: Record<string, string> = {}, port?: number): Promise<ChildServer> {
      const child = await startChild({ REDIS_URL: redisUrl(), REDIS_PREFIX: prefix, ...env }, port);
      children.push(child);
      return child;
    },
    async client(url: string): Promise<TestSocket> {
      const socket = await connectClient(url);
      sockets.push(socket);
      return socket;
    },
  };
}
