/**
 * The most one-way latency we forgive. A client can fake a slow link (delay its heartbeat replies), so whatever
 * we forgive it can take off every answer and answer that much after the deadline; 250 ms keeps that gain small
 * while a phone on a steadily poor mobile link (500 ms round trip) still gets all of its latency back.
 */
export const MAX_GRACE_MS = 250;

/** Round trips a socket keeps: a slower link is believed only once it has lasted this many heartbeats. */
export const RTT_SAMPLES = 3;

/** The round trips measured so far with the newest kept, at most RTT_SAMPLES of them. */
export function withRtt(rtts: readonly number[], rttMs: number): number[] {
  return [...rtts, rttMs].slice(-RTT_SAMPLES);
}

/**
 * The round trip we credit: the smallest of the recent ones. A reply can be held back but never sent before its
 * ping, so the smallest is the one a client cannot inflate, and a sudden jump counts only once it has repeated
 * through every kept sample.
 */
export function trustedRtt(rtts: readonly number[]): number {
  return rtts.length === 0 ? 0 : Math.min(...rtts);
}

/** Half the trusted round trip: our estimate of the player's one-way latency, capped. */
export function oneWayMs(rttMs: number): number {
  return Math.min(MAX_GRACE_MS, Math.max(0, rttMs / 2));
}

/**
 * How long the player took, fairly: from when the server sent the question to that player's socket
 * until the answer arrived, less the time the answer spent on the wire.
 */
export function responseTimeMs(sentAt: number, receivedAt: number, rttMs: number): number {
  return Math.max(0, Math.round(receivedAt - sentAt - oneWayMs(rttMs)));
}

export function isLate(receivedAt: number, deadline: number, rttMs: number): boolean {
  return receivedAt > deadline + oneWayMs(rttMs);
}

/** When the server closes a question: late enough that the slowest forgiven link still got its say. */
export function closeAt(deadline: number): number {
  return deadline + MAX_GRACE_MS;
}
