import { request } from 'node:http';

export interface FromReply {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string } } & Record<string, unknown>;
}

/**
 * A JSON request sent from another loopback address (127.0.0.2, 127.0.0.3, …: Linux routes all of 127/8 to lo),
 * so the server sees a different client address in `req.ip`, as it would for another device.
 */
export function requestFrom(localAddress: string, url: string, method: string, body?: unknown): Promise<FromReply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, localAddress, headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}
