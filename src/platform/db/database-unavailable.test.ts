// Which errors mean "the database is away" (restart, failover, stall, no connections): those are
// answered 503 service_unavailable with Retry-After over REST and UNAVAILABLE over gRPC, never 500;
// constraint and data errors keep their own answers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { grpcErrorFromProblem } from '../grpc/errors.ts';
import { toProblem } from '../http/problem.ts';
import { AppError } from '../errors.ts';
import { isDatabaseUnavailable, translatePgError } from './pg-errors.ts';

const pgError = (code: string, message = 'from the server') =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });
const sysError = (code: string) =>
  Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });

describe('database unavailable', () => {
  test('the server going away, refusing, timing out or out of connections counts', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '57014', '25P03', '08006', '08001', '08003']) {
      assert.ok(isDatabaseUnavailable(pgError(code)), code);
    }
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN'])
      assert.ok(isDatabaseUnavailable(sysError(code)), code);
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ]) {
      assert.ok(isDatabaseUnavailable(new Error(message)), message);
    }
    // A refused connect to every address of a host; an error wrapped by whoever caught it first.
    assert.ok(isDatabaseUnavailable(new AggregateError([sysError('ECONNREFUSED'), sysError('ECONNREFUSED')])));
    assert.ok(isDatabaseUnavailable(new Error('migration failed', { cause: pgError('57P01') })));
  });

  test('bugs, bad input and constraint violations do not', () => {
    for (const err of [
      pgError('23505'),
      pgError('22P02'),
      pgError('42P01'),
      pgError('40001'),
      new Error('boom'),
      new TypeError('x is undefined'),
      null,
      'text',
    ]) {
      assert.equal(isDatabaseUnavailable(err), false, String(err));
    }
    assert.equal(isDatabaseUnavailable(new AppError('conflict', 'conflict', 'taken')), false);
  });

  test('REST answers 503 service_unavailable; gRPC answers UNAVAILABLE', () => {
    const p = toProblem(pgError('57P01', 'terminating connection due to administrator command'));
    assert.equal(p.status, 503);
    assert.equal(p.code, 'service_unavailable');
    assert.doesNotMatch(p.detail, /administrator/, 'no internals in the answer');
    assert.equal(grpcErrorFromProblem(p).code, status.UNAVAILABLE);
    assert.equal(toProblem(new Error('Connection terminated unexpectedly')).status, 503);
    assert.equal(toProblem(pgError('22P02')).status, 422);
  });

  test('translatePgError gives services the same AppError, with Retry-After', () => {
    const err = translatePgError(pgError('57P03', 'the database system is starting up'));
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'service_unavailable');
    assert.equal(err.status, 503);
    assert.ok((err.retryAfter ?? 0) >= 1);
  });
});
