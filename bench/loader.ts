import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { QuestionOpen } from '../shared/server-events.js';
import { answerDelayMs, randomAnswer } from './answers.js';
import { connected, openSocket, request, type BenchSocket } from './client.js';
import { clock, sleep } from './clock.js';
import { overKey, questionKey, resultKey, type FromLoader, type LoaderPlan, type LoaderSamples, type Seat, type ToLoader } from './messages.js';

/**
 * A load-generator process (forked by the orchestrator): plays its share of the players, each on its own
 * socket.io-client connection, and keeps raw timings for the orchestrator to aggregate.
 */

/** Handshakes in flight at once while connecting ahead of the joins: enough to be quick, few enough not to time out. */
const CONNECT_CONCURRENCY = 50;

const send = (message: FromLoader) => process.send?.(message);

class Loader {
  private readonly sockets: (BenchSocket | undefined)[];
  /** Players of each room in this process that joined: the ones whose results the orchestrator waits for. */
  private readonly joinedPerPin = new Map<string, number>();
  private readonly counts = new Map<string, number>();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: 10 });
  private closing = false;
  readonly samples: LoaderSamples = {
    connectMs: [],
    joinMs: [],
    joinFirstEmitAt: null,
    joinLastAckAt: null,
    joined: 0,
    fanoutMs: [],
    answerAckMs: [],
    answersOk: 0,
    lastAnswerAt: {},
    resultsAt: {},
    opens: 0,
    gameOvers: 0,
    disconnects: 0,
    errors: {},
    loopDelayP99Ms: 0,
  };

  constructor(private readonly plan: LoaderPlan) {
    this.sockets = plan.seats.map(() => undefined);
    this.loopDelay.enable();
  }

  private error(key: string): void {
    this.samples.errors[key] = (this.samples.errors[key] ?? 0) + 1;
  }

  /** Tells the orchestrator once every joined player of a room in this process has seen the event. */
  private count(key: string, pin: string): void {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    if (n === this.joinedPerPin.get(pin)) send({ type: 'complete', key, count: n });
  }

  async connectAll(): Promise<number> {
    let next = 0;
    const worker = async () => {
      while (next < this.sockets.length) {
        const i = next++;
        this.sockets[i] = await this.connect(this.plan.seats[i]!);
      }
    };
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
    return this.sockets.filter(Boolean).length;
  }

  private async connect(seat: Seat): Promise<BenchSocket | undefined> {
    const socket = openSocket(this.plan.url);
    this.play(socket, seat);
    const startedAt = clock();
    try {
      await connected(socket);
      this.samples.connectMs.push(clock() - startedAt);
      return socket;
    } catch (err) {
      this.error(`connect:${(err as Error).message}`);
      socket.close();
      return undefined;
    }
  }

  /** The player's side of the game: answer each question after a human-like pause, and note what arrives when. */
  private play(socket: BenchSocket, seat: Seat): void {
    const s = this.samples;
    socket.on('question:open', (question) => {
      s.opens++;
      s.fanoutMs.push(clock() - question.openedAt);
      setTimeout(() => void this.answer(socket, seat, question), answerDelayMs(this.plan.burst));
    });
    socket.on('player:result', (result) => {
      const key = questionKey(seat.pin, result.index);
      (s.resultsAt[key] ??= []).push(clock());
      this.count(resultKey(seat.pin, result.index), seat.pin);
    });
    socket.on('game:over', () => {
      s.gameOvers++;
      this.count(overKey(seat.pin), seat.pin);
    });
    socket.on('disconnect', (reason) => {
      if (this.closing) return;
      s.disconnects++;
      this.error(`disconnect:${reason}`);
    });
  }

  private async answer(socket: BenchSocket, seat: Seat, question: QuestionOpen): Promise<void> {
    const s = this.samples;
    const sentAt = clock();
    const key = questionKey(seat.pin, question.index);
    s.lastAnswerAt[key] = Math.max(s.lastAnswerAt[key] ?? 0, sentAt);
    const reply = await request(socket, 'player:answer', { questionIndex: question.index, answer: randomAnswer(question) });
    if (!reply.ok) return this.error(`player:answer:${reply.error.code}`);
    s.answersOk++;
    s.answerAckMs.push(clock() - sentAt);
  }

  async joinAll(spreadMs: number): Promise<Record<string, number>> {
    const s = this.samples;
    await Promise.all(
      this.plan.seats.map(async (seat, i) => {
        if (spreadMs > 0) await sleep(Math.random() * spreadMs);
        const socket = this.sockets[i] ?? (this.sockets[i] = await this.connect(seat));
        if (!socket) return;
        const sentAt = clock();
        s.joinFirstEmitAt = Math.min(s.joinFirstEmitAt ?? sentAt, sentAt);
        const reply = await request(socket, 'player:join', { pin: seat.pin, nickname: seat.nickname });
        if (!reply.ok) return this.error(`player:join:${reply.error.code}`);
        const ackAt = clock();
        s.joined++;
        this.joinedPerPin.set(seat.pin, (this.joinedPerPin.get(seat.pin) ?? 0) + 1);
        s.joinMs.push(ackAt - sentAt);
        s.joinLastAckAt = Math.max(s.joinLastAckAt ?? ackAt, ackAt);
      }),
    );
    return Object.fromEntries(this.joinedPerPin);
  }

  report(): LoaderSamples {
    this.samples.loopDelayP99Ms = Math.round(this.loopDelay.percentile(99) / 1e4) / 100;
    return this.samples;
  }

  close(): void {
    this.closing = true;
    for (const socket of this.sockets) socket?.disconnect();
  }
}

let loader: Loader | undefined;

async function handle(message: ToLoader): Promise<void> {
  switch (message.type) {
    case 'start':
      loader = new Loader(message.plan);
      send({ type: 'ready', connected: message.plan.connectAtJoin ? 0 : await loader.connectAll() });
      return;
    case 'join':
      send({ type: 'joined', perPin: await loader!.joinAll(message.spreadMs) });
      return;
    case 'report':
      send({ type: 'report', samples: loader!.report() });
      return;
    case 'close':
      loader?.close();
      // Let the close frames go out before the process ends.
      setTimeout(() => process.exit(0), 200);
      return;
  }
}

process.on('message', (message: ToLoader) => {
  handle(message).catch((err: unknown) => send({ type: 'fatal', message: String((err as Error)?.stack ?? err) }));
});
// An orphaned loader would keep thousands of sockets open: leave with the orchestrator.
process.on('disconnect', () => process.exit(0));
