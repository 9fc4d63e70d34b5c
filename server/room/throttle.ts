/**
 * Runs a task per key at most once per interval: at once if it has been quiet, else once more at the
 * end of the interval, never two at the same time. Keeps host counters O(1) per interval instead of per answer.
 */
export class Throttle {
  private readonly state = new Map<string, { last: number; timer?: NodeJS.Timeout; running: boolean; again: boolean }>();
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly task: (key: string) => Promise<void>,
  ) {}

  schedule(key: string): void {
    if (this.stopped) return;
    let s = this.state.get(key);
    if (!s) this.state.set(key, (s = { last: 0, running: false, again: false }));
    if (s.running || s.timer) {
      s.again = true;
      return;
    }
    const wait = s.last + this.intervalMs - Date.now();
    if (wait <= 0) void this.run(key);
    else s.timer = setTimeout(() => void this.run(key), wait);
  }

  private async run(key: string): Promise<void> {
    const s = this.state.get(key);
    if (!s) return;
    s.timer = undefined;
    s.running = true;
    s.again = false;
    s.last = Date.now();
    try {
      await this.task(key);
    } finally {
      s.running = false;
      if (s.again && this.state.has(key)) {
        s.again = false;
        s.timer = setTimeout(() => void this.run(key), Math.max(0, s.last + this.intervalMs - Date.now()));
      }
    }
  }

  forget(key: string): void {
    clearTimeout(this.state.get(key)?.timer);
    this.state.delete(key);
  }

  /** For good: a closing server's last disconnects schedule nothing more. */
  stop(): void {
    this.stopped = true;
    for (const key of [...this.state.keys()]) this.forget(key);
  }
}
