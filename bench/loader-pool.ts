import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuSeconds } from './proc.js';
import type { FromLoader, LoaderPlan, LoaderSamples, Seat, ToLoader } from './messages.js';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH_DIR, '..');

/** One loader per this many clients: a socket.io-client costs about as much CPU as a server socket. */
export const CLIENTS_PER_LOADER = 1000;

export const loaderCount = (clients: number) => Math.max(1, Math.ceil(clients / CLIENTS_PER_LOADER));

/** Splits seats into contiguous runs so a room spans as few loaders as possible. */
export function splitSeats(seats: readonly Seat[], loaders: number): Seat[][] {
  const size = Math.ceil(seats.length / loaders);
  return Array.from({ length: loaders }, (_, i) => seats.slice(i * size, (i + 1) * size));
}

type Reply<T extends FromLoader['type']> = Extract<FromLoader, { type: T }>;

/** The loader processes of one run, and the "every player of room X got event Y" counts they report. */
export class LoaderPool {
  private readonly completions = new Map<string, number>();
  private readonly waiters = new Map<string, { need: number; resolve: (done: boolean) => void }>();
  private readonly pending = new Map<ChildProcess, { type: string; resolve: (m: FromLoader) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly children: ChildProcess[],
    readonly plans: LoaderPlan[],
  ) {
    for (const child of children) {
      child.on('message', (message: FromLoader) => this.onMessage(child, message));
      child.on('exit', (code) => this.pending.get(child)?.reject(new Error(`loader ${child.pid} exited with ${code}`)));
    }
  }

  static start(plans: LoaderPlan[]): LoaderPool {
    // Each loader runs the TypeScript sources through tsx, as the server does.
    const children = plans.map(() => fork(join(BENCH_DIR, 'loader.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
    return new LoaderPool(children, plans);
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid!);
  }

  private onMessage(child: ChildProcess, message: FromLoader): void {
    if (message.type === 'complete') {
      const total = (this.completions.get(message.key) ?? 0) + message.count;
      this.completions.set(message.key, total);
      const waiter = this.waiters.get(message.key);
      if (waiter && total >= waiter.need) waiter.resolve(true);
      return;
    }
    const pending = this.pending.get(child);
    if (message.type === 'fatal') return pending?.reject(new Error(`loader ${child.pid}: ${message.message}`));
    if (pending?.type === message.type) {
      this.pending.delete(child);
      pending.resolve(message);
    }
  }

  /** Sends one message to every loader and waits for each one's reply of the given type. */
  async all<T extends FromLoader['type']>(message: (i: number) => ToLoader, reply: T): Promise<Reply<T>[]> {
    return Promise.all(
      this.children.map(
        (child, i) =>
          new Promise<Reply<T>>((resolve, reject) => {
            this.pending.set(child, { type: reply, resolve: resolve as (m: FromLoader) => void, reject });
            child.send(message(i));
          }),
      ),
    );
  }

  start(): Promise<Reply<'ready'>[]> {
    return this.all((i) => ({ type: 'start', plan: this.plans[i]! }), 'ready');
  }

  join(spreadMs: number): Promise<Reply<'joined'>[]> {
    return this.all(() => ({ type: 'join', spreadMs }), 'joined');
  }

  async report(): Promise<LoaderSamples[]> {
    return (await this.all(() => ({ type: 'report' }), 'report')).map((r) => r.samples);
  }

  /** Resolves true once `need` players in all loaders together reported the key, false after the timeout. */
  completion(key: string, need: number, timeoutMs: number): Promise<boolean> {
    if ((this.completions.get(key) ?? 0) >= need) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(key);
        resolve(ok);
      };
      this.waiters.set(key, { need, resolve: done });
    });
  }

  cpuSeconds(): number[] {
    return this.children.map((c) => cpuSeconds(c.pid!));
  }

  /** Asks each loader to close its sockets and leave; kills any that does not within 5 s. */
  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            if (child.connected) child.send({ type: 'close' } satisfies ToLoader);
            else child.kill('SIGTERM');
          }),
      ),
    );
  }
}
