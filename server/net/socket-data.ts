/** What the server remembers about one connection. Survives a Socket.IO connection-state recovery. */
export interface SocketData {
  role: 'none' | 'host' | 'player';
  /** The client's address, for per-IP limits. */
  ip: string;
  pin?: string;
  playerId?: string;
  /** When this socket was last sent an open question by itself (a rejoin mid-question), for fair timing. */
  sentAt?: { index: number; at: number };
  /** Recent round trips measured with Engine.IO heartbeats; the median is used. */
  rtts: number[];
}

export function medianRtt(rtts: readonly number[]): number {
  if (rtts.length === 0) return 0;
  const sorted = [...rtts].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
