import { request, type GameSocket } from './socket.js';

/** Server time as seen from here: deadlines are in server time, and a phone's clock can be minutes off. */
export interface Clock {
  now(): number;
  /** Takes `samples` round trips and keeps the offset of the fastest, the least skewed by queueing. */
  sync(samples?: number): Promise<void>;
}

export function createClock(socket: GameSocket): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    async sync(samples = 3) {
      let bestRtt = Infinity;
      for (let i = 0; i < samples; i++) {
        const sent = Date.now();
        const ack = await request(socket, 'time:sync', { clientSentAt: sent }, 4000);
        const received = Date.now();
        if (!ack.ok) continue;
        if (received - sent < bestRtt) {
          bestRtt = received - sent;
          offset = ack.serverTime - (sent + received) / 2;
        }
      }
    },
  };
}
