/** The most one-way latency we forgive; beyond it a slow link is indistinguishable from a late answer. */
export const MAX_GRACE_MS = 500;

/** Half the measured round trip: our estimate of the player's one-way latency, capped. */
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
