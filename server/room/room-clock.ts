/** One pending timer per room: a question's close or an auto-advance. Setting a new one replaces the old. */
export class RoomClock {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly now: () => number) {}

  set(pin: string, at: number, task: () => void): void {
    this.cancel(pin);
    const timer = setTimeout(() => {
      this.timers.delete(pin);
      task();
    }, Math.max(0, at - this.now()));
    this.timers.set(pin, timer);
  }

  cancel(pin: string): void {
    clearTimeout(this.timers.get(pin));
    this.timers.delete(pin);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
