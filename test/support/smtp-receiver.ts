// A real SMTP server for tests (the smtp-server package) that keeps what it receives in memory.
import net from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: string;
  /** False while a gate holds the server's answer to it. */
  accepted: boolean;
}

export interface SmtpReceiver {
  port: number;
  url: string;
  messages: Received[];
  /** SMTP connections opened so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** Milliseconds to wait before accepting a message (the "250 OK"), by its recipients: a slow server. */
  delayFor?: (to: string[]) => number;
  /**
   * A message is accepted only once the promise returned for it settles (a stalled server, released by
   * the test); undefined accepts at once. The message is in `messages` (as `received`) before that.
   */
  gate?: (to: string[]) => Promise<void> | undefined;
}

/** A port nothing listens on (yet): for "the SMTP server is down" cases. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts a receiver on `port` (0: any free port), without TLS or authentication. */
export async function startSmtpReceiver(port = 0, options: ReceiverOptions = {}): Promise<SmtpReceiver> {
  const messages: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = session.envelope;
        const to = envelope.rcptTo.map((r) => r.address);
        const received: Received = {
          from: envelope.mailFrom ? envelope.mailFrom.address : '',
          to,
          raw: Buffer.concat(chunks).toString('utf8'),
          accepted: false,
        };
        messages.push(received);
        const accept = () => {
          received.accepted = true;
          callback();
        };
        const delay = options.delayFor?.(to) ?? 0;
        const gate = options.gate?.(to);
        if (gate) void gate.then(accept, () => callback(new Error('refused by the test')));
        else if (delay > 0) setTimeout(accept, delay);
        else accept();
      });
    },
  });
  const listening = server.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    listening.once('listening', () => resolve());
    listening.once('error', reject);
  });
  const actual = (listening.address() as net.AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
