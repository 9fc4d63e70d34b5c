import type { ApiError } from '../../shared/index.js';

export type ApiResult<T> = ({ ok: true } & T) | { ok: false; status: number; error: ApiError };

/** Calls the JSON API with the session cookie; every failure, network ones included, comes back as `{ ok: false, error }`. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'unavailable', message: 'The server could not be reached. Check the connection and try again.' } };
  }
  const json = (await res.json().catch(() => null)) as ({ ok?: true } & T) | { ok: false; error: ApiError } | null;
  if (json?.ok === false) return { ok: false, status: res.status, error: json.error };
  // The older quiz list answers a bare `{ quizzes }`: a 2xx JSON body is a success either way.
  if (json && res.ok) return { ...json, ok: true };
  return { ok: false, status: res.status, error: { code: 'internal', message: `The server answered ${res.status}.` } };
}
