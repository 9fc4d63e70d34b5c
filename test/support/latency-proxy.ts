import { createServer, connect, type Socket } from 'node:net';

export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * A TCP proxy that holds every chunk for `delayMs` in each direction: a slow mobile link, round trip 2 × delayMs,
 * below Socket.IO and Engine.IO, so every packet and heartbeat pays it as on a real phone.
 */
export async function latencyProxy(targetPort: number, delayMs: number): Promise<LatencyProxy> {
  const open = new Set<Socket>();
  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
    from.on('end', () => setTimeout(() => to.end(), delayMs));
    from.on('error', () => to.destroy());
    from.on('close', () => open.delete(from));
    open.add(from);
  };
  const server = createServer((phone) => {
    const upstream = connect(targetPort, '127.0.0.1');
    relay(phone, upstream);
    relay(upstream, phone);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
