/** What a player needs to come back after a reload: kept in localStorage, cleared when the game is over for them. */
export interface PlayerSession {
  pin: string;
  playerToken: string;
}

const KEY = 'quizroom.player';

export function loadSession(): PlayerSession | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (value && typeof value === 'object' && 'pin' in value && 'playerToken' in value) {
      const { pin, playerToken } = value;
      if (typeof pin === 'string' && typeof playerToken === 'string') return { pin, playerToken };
    }
  } catch {
    // A corrupt entry is the same as none.
  }
  return null;
}

export function saveSession(session: PlayerSession): void {
  localStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}
