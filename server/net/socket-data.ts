/** What the server remembers about one connection. Survives a Socket.IO connection-state recovery. */
export interface SocketData {
  role: 'none' | 'host' | 'player';
  /** The client's address, for per-IP limits. */
  ip: string;
  pin?: string;
  playerId?: string;
  /** When this socket was last sent an open question by itself (a rejoin mid-question), for fair timing. */
  sentAt?: { index: number; at: number };
  /** Recent round trips measured with Engine.IO heartbeats; the smallest is credited (see `trustedRtt`). */
  rtts: number[];
}
