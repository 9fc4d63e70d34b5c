import type { AnswerInput, AnswerOutcome } from '../game/records.js';

/** Past this many, a turn's answers to one question go in another call, so no one script holds Redis for long. */
const MAX_BATCH = 200;

interface Batch {
  inputs: AnswerInput[];
  settle: { resolve: (outcome: AnswerOutcome) => void; reject: (err: unknown) => void }[];
}

/**
 * The answers to one question that reach this process in one turn of its event loop, recorded together: one
 * command to build, send, run and parse instead of one per answer, when a class answers at once.
 */
export class AnswerBatches {
  private readonly gathering = new Map<string, Batch>();

  constructor(
    /** Calls `send` once the turn's answers are in. */
    private readonly atTurnEnd: (send: () => void) => void,
    /** Records the answers in order, in one step, with an outcome for each. */
    private readonly record: (pin: string, questionIndex: number, inputs: AnswerInput[]) => Promise<AnswerOutcome[]>,
  ) {}

  add(pin: string, questionIndex: number, input: AnswerInput): Promise<AnswerOutcome> {
    const key = `${pin}:${questionIndex}`;
    const batch = this.gathering.get(key) ?? this.start(key, pin, questionIndex);
    batch.inputs.push(input);
    // A full batch is closed now; the next answer starts another, sent at the same turn's end.
    if (batch.inputs.length >= MAX_BATCH) this.gathering.delete(key);
    return new Promise((resolve, reject) => batch.settle.push({ resolve, reject }));
  }

  private start(key: string, pin: string, questionIndex: number): Batch {
    const batch: Batch = { inputs: [], settle: [] };
    this.gathering.set(key, batch);
    this.atTurnEnd(() => this.send(key, pin, questionIndex, batch));
    return batch;
  }

  private send(key: string, pin: string, questionIndex: number, batch: Batch): void {
    if (this.gathering.get(key) === batch) this.gathering.delete(key);
    this.record(pin, questionIndex, batch.inputs).then(
      (outcomes) => batch.settle.forEach(({ resolve }, i) => resolve(outcomes[i]!)),
      (err: unknown) => batch.settle.forEach(({ reject }) => reject(err)),
    );
  }
}
