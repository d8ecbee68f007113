// The real server process (src/main.ts on the pinned Node): SIGTERM lets a request in flight finish
// and then exits 0; a second signal exits at once.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'marquee-shutdown-'));

interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startServer(): Promise<Server> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    GRPC_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CINEMA_DEMO: 'false',
    LOG_LEVEL: 'info',
    WEB_DIST: path.join(dataDir, 'no-web'),
  };
  const child = spawn(process.execPath, ['src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (c: Buffer) => {
      buffer += c.toString();
      for (const line of buffer.split('\n')) {
        const m = /"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(line);
        if (m) resolve(Number(m[1]));
      }
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${stderr}`)));
  });
  return { child, port, exited };
}

/** Sends the headers and half the body of a login request, and the rest when told. */
async function slowRequest(port: number) {
  const body = JSON.stringify({ email: 'someone@example.test', password: 'not the password' });
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((r) => socket.once('connect', () => r()));
  let response = '';
  socket.on('data', (c: Buffer) => (response += c.toString()));
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(response)));
  socket.write(
    `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    finish: () => socket.write(body.slice(10)),
    response: ended,
    abort: () => socket.destroy(),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown of the server process', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('SIGTERM: the request in flight completes, then the process exits 0', async () => {
    const server = await startServer();
    const slow = await slowRequest(server.port);
    await pause(200);
    server.child.kill('SIGTERM');
    await pause(500);
    assert.equal(server.child.exitCode, null, 'still running while a request is in flight');
    const refused = await fetch(`http://127.0.0.1:${server.port}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    assert.ok(refused === 'refused' || refused === 503, `a new request is not served: ${refused}`);
    slow.finish();
    const response = await slow.response;
    assert.match(
      response,
      /^HTTP\/1\.1 (?!5)\d{3} /,
      `the request in flight got its answer: ${response.split('\r\n')[0]}`,
    );
    const { code } = await server.exited;
    assert.equal(code, 0);
  });

  test('a second signal exits at once', async () => {
    const server = await startServer();
    const slow = await slowRequest(server.port);
    await pause(200);
    server.child.kill('SIGTERM');
    // A repeat within a second is taken as the same signal relayed (npm forwards Ctrl-C again).
    server.child.kill('SIGTERM');
    await pause(1500);
    assert.equal(server.child.exitCode, null, 'a relayed repeat does not stop the graceful shutdown');
    // The window runs from when the server handled the first signal, which a loaded machine may
    // delay: signal until it ends. The kernel ends it (default action), whatever its event loop does.
    const again = setInterval(() => server.child.kill('SIGTERM'), 300);
    const { code, signal } = await server.exited.finally(() => clearInterval(again));
    assert.equal(code, null);
    assert.equal(signal, 'SIGTERM');
    slow.abort();
  });
});
