/**
 * Heavy room work (a question's opening, a reveal, an announcement to a whole room) one room per turn of the
 * event loop. When a hundred rooms move together their work would otherwise run back to back, and every answer
 * that came in meanwhile would wait for all of it; between two rooms' turns the loop reads the sockets again.
 */
export class RoomTurns {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  /** Resolves in a loop turn of its own, in the order asked. */
  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // An immediate queued while immediates run waits for the next turn, after the loop has polled its sockets.
    setImmediate(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.schedule();
    });
  }
}
