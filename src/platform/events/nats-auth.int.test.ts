// A NATS that requires a token, reached through a URL carrying it (`nats://TOKEN@host:port`, what
// deploy/make-secrets.sh writes): nats.js ignores a URL's user part, so the bus must pass it on itself.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { oneBackend } from '../../../test/support/backends.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createLogger } from '../telemetry/logger.ts';
import { NatsEventBus } from './nats-event-bus.ts';
import { natsConnectOptions } from './nats-url.ts';

const NATS_SERVER = '/usr/sbin/nats-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = tcpConnect(port, '127.0.0.1', () => resolve(!!socket.end()));
    socket.on('error', () => resolve(false));
  });

test('credentials in a NATS URL become options; the server keeps only host and port', () => {
  assert.deepEqual(natsConnectOptions('nats://s3cr%2Ft@nats:4222'), { servers: 'nats://nats:4222', token: 's3cr/t' });
  assert.deepEqual(natsConnectOptions('tls://me:p%40ss@bus:4443'), {
    servers: 'tls://bus:4443',
    user: 'me',
    pass: 'p@ss',
  });
  assert.deepEqual(natsConnectOptions('nats://127.0.0.1:4222'), { servers: 'nats://127.0.0.1:4222' });
});

describe(
  'the NATS bus on a server requiring a token',
  { skip: !existsSync(NATS_SERVER) && `${NATS_SERVER} missing` },
  () => {
    const token = crypto.randomUUID().replaceAll('-', '');
    const dir = mkdtempSync(join(tmpdir(), 'marquee-nats-auth-'));
    let server: ChildProcess;
    let t: TestApp;
    let bus: NatsEventBus;
    before(async () => {
      const port = await freePort();
      server = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '--auth', token, '-sd', dir], {
        stdio: 'ignore',
      });
      await eventually(() => accepts(port), 10_000, 25, 'nats-server listening');
      t = await startTestApp(oneBackend()[0]!, { useServices: false });
      const { database, clock, queue } = t.app.platform;
      bus = new NatsEventBus(`nats://${token}@127.0.0.1:${port}`, 'MARQUEE_AUTH', {
        database,
        clock,
        queue,
        logger: createLogger('silent'),
      });
    });
    after(async () => {
      await bus?.close();
      await t?.close();
      server?.kill();
      rmSync(dir, { recursive: true, force: true });
    });

    test('connects with the token from the URL, publishes and delivers an event', async () => {
      assert.ok(await bus.connected(10_000), 'authorised by the token in the URL');
      const got: string[] = [];
      await bus.subscribe('auth-check', 'auth.*', async (event) => void got.push(event.id));
      const id = crypto.randomUUID();
      await bus.publish({ id, type: 'auth.checked', aggregateId: 'a', payload: {}, createdAt: new Date() });
      await eventually(() => got.length === 1, 10_000, 25, 'delivered');
      assert.deepEqual(got, [id]);
    });
  },
);
