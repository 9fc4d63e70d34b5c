/**
 * One call per key in flight: callers that come while it runs share its promise instead of starting their
 * own. `forget` makes the next caller start afresh (after a write that the running call may not see).
 */
export class SingleFlight<K, V> {
  private readonly running = new Map<K, Promise<V>>();

  run(key: K, start: () => Promise<V>): Promise<V> {
    const running = this.running.get(key);
    if (running) return running;
    const started = start();
    const done = () => {
      if (this.running.get(key) === started) this.running.delete(key);
    };
    started.then(done, done);
    this.running.set(key, started);
    return started;
  }

  forget(key: K): void {
    this.running.delete(key);
  }
}
