// `npm start` as a user runs it: SIGTERM to the npm process (what `kill <pid>` or a supervisor sends
// to the process it started) stops the server gracefully; it used to leave the server running.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { eventually } from './support/eventually.ts';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'marquee-npm-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('SIGTERM to `npm start` stops the server it started, gracefully', async () => {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.tmpdir(),
    PORT: '0',
    GRPC_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CINEMA_DEMO: 'false',
    LOG_LEVEL: 'info',
  };
  const npm = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const npmExited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
  let output = '';
  npm.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const server = await new Promise<{ pid: number; port: number }>((resolve, reject) => {
    npm.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /"pid":(\d+).*"address":"http:\/\/127\.0\.0\.1:(\d+)"/.exec(output);
      if (m) resolve({ pid: Number(m[1]), port: Number(m[2]) });
    });
    void npmExited.then((code) => reject(new Error(`npm start exited (${code}) before listening: ${output}`)));
  });
  assert.notEqual(server.pid, npm.pid, 'the server runs in a process of its own');
  assert.equal((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status, 200);

  npm.kill('SIGTERM');
  try {
    await eventually(() => !alive(server.pid), 60_000, 50, 'the server process exiting');
  } finally {
    if (alive(server.pid)) process.kill(server.pid, 'SIGKILL');
  }
  assert.match(output, /shutting down: finishing requests in flight/, 'it shut down gracefully');
  await npmExited;
});
