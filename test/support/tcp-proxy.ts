// A TCP proxy in front of a real service (PostgreSQL, Redis, NATS) that a test can take down and
// bring back, or stall, to play an outage without touching the shared server other suites use.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** A URL of the same scheme as `target`, through the proxy. */
  url: string;
  /** Refuses new connections and cuts the open ones. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /**
   * Stops forwarding bytes either way without closing anything, as a stopped (SIGSTOP) or
   * partitioned server looks: connections open, new ones accepted, nothing answered.
   */
  stall(): void;
  /** Forwards again, the bytes held back first. */
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  let stalled = false;
  // Bytes (or an end of stream: null) held back while stalled, in arrival order, each with the socket it is for.
  let held: { to: net.Socket; chunk: Buffer | null }[] = [];
  const pass = (to: net.Socket, chunk: Buffer | null) => {
    if (to.destroyed) return;
    if (chunk === null) to.end();
    else to.write(chunk);
  };

  // As pipe() would, but able to hold everything back.
  const forward = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk: Buffer) => (stalled ? held.push({ to, chunk }) : pass(to, chunk)));
    from.on('end', () => (stalled ? held.push({ to, chunk: null }) : pass(to, null)));
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(targetPort, target.hostname);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => {
            client.destroy();
            upstream.destroy();
          });
        }
        forward(client, upstream);
        forward(upstream, client);
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const down = async () => {
    const s = server;
    server = undefined;
    for (const sock of sockets) sock.destroy();
    if (s) await new Promise<void>((r) => s.close(() => r()));
  };

  await listen();
  const url = new URL(targetUrl);
  url.port = String(port);
  return {
    port,
    url: url.toString().replace(/\/$/, ''),
    down,
    up: listen,
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      const pending = held;
      held = [];
      for (const { to, chunk } of pending) pass(to, chunk);
    },
    close: async () => {
      held = [];
      stalled = false;
      await down();
    },
  };
}
