/** Past this many, a turn's work on one key goes in another call, so no one script holds Redis for long. */
const MAX_BATCH = 200;

interface Batch<Input, Outcome> {
  inputs: Input[];
  settle: { resolve: (outcome: Outcome) => void; reject: (err: unknown) => void }[];
}

/**
 * The writes of one kind and key (a question's answers, a room's joins) that reach this process in one turn of
 * its event loop, sent together: one command to build, send, run and parse instead of one per write, when a
 * class answers or joins at once. Each caller still waits for its own outcome, so an ack still means stored.
 */
export class TurnBatches<Context, Input, Outcome> {
  private readonly gathering = new Map<string, Batch<Input, Outcome>>();

  constructor(
    /** Calls `send` once the turn's writes are in. */
    private readonly atTurnEnd: (send: () => void) => void,
    /** Stores the inputs in order, in one step, with an outcome for each. */
    private readonly store: (context: Context, inputs: Input[]) => Promise<Outcome[]>,
  ) {}

  /** `context` is what `store` needs besides the inputs; every input under one key shares it. */
  add(key: string, context: Context, input: Input): Promise<Outcome> {
    const batch = this.gathering.get(key) ?? this.start(key, context);
    batch.inputs.push(input);
    // A full batch is closed now; the next input starts another, sent at the same turn's end.
    if (batch.inputs.length >= MAX_BATCH) this.gathering.delete(key);
    return new Promise((resolve, reject) => batch.settle.push({ resolve, reject }));
  }

  private start(key: string, context: Context): Batch<Input, Outcome> {
    const batch: Batch<Input, Outcome> = { inputs: [], settle: [] };
    this.gathering.set(key, batch);
    this.atTurnEnd(() => this.send(key, context, batch));
    return batch;
  }

  private send(key: string, context: Context, batch: Batch<Input, Outcome>): void {
    if (this.gathering.get(key) === batch) this.gathering.delete(key);
    this.store(context, batch.inputs).then(
      (outcomes) => batch.settle.forEach(({ resolve }, i) => resolve(outcomes[i]!)),
      (err: unknown) => batch.settle.forEach(({ reject }) => reject(err)),
    );
  }
}
