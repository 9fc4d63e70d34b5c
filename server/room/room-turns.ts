import { performance } from 'node:perf_hooks';

/**
 * How much of the loop one turn may spend on room work before the sockets are read again. Small enough that an
 * answer arriving meanwhile is acked within a few milliseconds; large enough that a hundred small rooms closing
 * together take a few dozen turns, not one each, and the last of them is not left waiting.
 */
export const TURN_BUDGET_MS = 4;

/**
 * Heavy room work (a question's opening, a reveal, an announcement to a whole room) in turns of the event loop.
 * When a hundred rooms move together their work would otherwise run back to back, and every answer that came
 * in meanwhile would wait for all of it. A turn runs rooms' work in the order asked until it has used its
 * budget; then the loop reads the sockets before the next turn.
 */
export class RoomTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly budgetMs = TURN_BUDGET_MS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Runs `work` (synchronous) in a turn, in the order asked, and resolves with what it returned. */
  run<T>(work: () => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(work());
        } catch (err) {
          reject(err);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // An immediate queued while immediates run waits for the next turn, after the loop has polled its sockets.
    setImmediate(() => {
      this.scheduled = false;
      const startedAt = this.clock();
      do this.waiting.shift()?.();
      while (this.waiting.length > 0 && this.clock() - startedAt < this.budgetMs);
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
