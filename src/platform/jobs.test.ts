// Background jobs survive their failures: a batch that throws (the database restarting) is logged
// and tried again, backing off while it keeps failing, and the job carries on once it succeeds; even
// a job that throws before returning a promise cannot take the process down.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { eventually } from '../../test/support/eventually.ts';
import { type Job, JobRunner, retryDelayMs } from './jobs.ts';
import { createLogger } from './telemetry/logger.ts';

function capturedLogger() {
  const lines: { msg: string; job?: string; failures?: number }[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger('warn', 'marquee', sink), lines };
}

describe('background jobs', () => {
  test('a failing job is retried with growing waits, capped, and runs on once it succeeds', async () => {
    const { logger, lines } = capturedLogger();
    let calls = 0;
    const job: Job = {
      name: 'flaky',
      intervalMs: 10,
      async runOnce() {
        calls++;
        if (calls <= 3) throw new Error('Connection terminated unexpectedly');
        return 0;
      },
    };
    const runner = new JobRunner([job], logger, 10);
    runner.start();
    try {
      await eventually(() => calls >= 6, 30_000, 5, 'the job runs on after its failures');
    } finally {
      await runner.stop();
    }
    const warnings = lines.filter((l) => l.msg === 'background job failed; will retry');
    assert.deepEqual(
      warnings.map((l) => [l.job, l.failures]),
      [
        ['flaky', 1],
        ['flaky', 2],
        ['flaky', 3],
      ],
    );
    assert.deepEqual(
      [1, 2, 3, 4, 10].map((n) => retryDelayMs(1000, n)),
      [1000, 2000, 4000, 5000, 5000],
    );
    // A job polling less often than the cap retries at its own interval.
    assert.equal(retryDelayMs(6 * 3600_000, 3), 6 * 3600_000);
  });

  test('a job that throws before returning a promise is logged and retried, not a crash', async () => {
    const { logger, lines } = capturedLogger();
    let calls = 0;
    const job = {
      name: 'throws-at-once',
      intervalMs: 10,
      runOnce(): Promise<number> {
        calls++;
        throw new Error('not even a promise');
      },
    };
    const runner = new JobRunner([job], logger, 10);
    runner.start();
    try {
      await eventually(() => calls >= 2, 30_000, 5, 'the job is tried again');
    } finally {
      await runner.stop();
    }
    assert.ok(lines.some((l) => l.msg === 'background job failed; will retry' && l.job === 'throws-at-once'));
  });
});
