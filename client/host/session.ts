/**
 * The host's key to a room. sessionStorage re-attaches this tab after a reload; localStorage lets
 * a new tab or a restarted browser on the same machine take the room back.
 */
export interface HostSession {
  pin: string;
  hostToken: string;
}

const KEY = 'quizroom.host';

export function loadHostSession(): HostSession | null {
  for (const store of [sessionStorage, localStorage]) {
    try {
      const value: unknown = JSON.parse(store.getItem(KEY) ?? 'null');
      if (value && typeof value === 'object' && 'pin' in value && 'hostToken' in value) {
        const { pin, hostToken } = value;
        if (typeof pin === 'string' && typeof hostToken === 'string') return { pin, hostToken };
      }
    } catch {
      // A corrupt entry is the same as none.
    }
  }
  return null;
}

export function saveHostSession(session: HostSession): void {
  const text = JSON.stringify(session);
  sessionStorage.setItem(KEY, text);
  localStorage.setItem(KEY, text);
}

export function clearHostSession(): void {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}
