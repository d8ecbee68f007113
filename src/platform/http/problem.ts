// One place that turns any error into an RFC 9457 problem+json answer. No input may produce a 5xx
// unless something really broke, and then the answer carries no internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable, isDatabaseUnavailable, isDataException, translatePgError } from '../db/pg-errors.ts';
import { AppError } from '../errors.ts';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extra: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:marquee:problem:${code}`, title: titles[status] ?? 'Error', status, detail, code, ...extra };
}

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function issuePath(issue: AjvIssue): string {
  const base = issue.instancePath;
  if (issue.keyword === 'required') return `${base}/${String(issue.params.missingProperty)}`;
  if (issue.keyword === 'additionalProperties') return `${base}/${String(issue.params.additionalProperty)}`;
  return base;
}

function issueMessage(issue: AjvIssue): string {
  if (issue.keyword === 'additionalProperties') return 'is not a known field';
  if (issue.keyword === 'required') return 'is required';
  return issue.message ?? 'is invalid';
}

/** Maps Fastify's own errors (parsing, limits, validation) and ours to a problem. */
export function toProblem(err: unknown): Problem {
  if (err instanceof AppError) return problem(err.status, err.code, err.message, err.extra);
  // The database restarting, stalled or out of connections: 503, never the 500 of a bug.
  if (isDatabaseUnavailable(err)) return toProblem(databaseUnavailable());
  // A value PostgreSQL could not take (bad encoding, out of range, malformed): the client's input.
  if (isDataException(err)) return toProblem(translatePgError(err));
  const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  // Ids are opaque to clients: one that cannot be ours names nothing, like one that is not found.
  if (fe.validation && fe.validationContext === 'params') return problem(404, 'not_found', 'Nothing here has this id');
  if (fe.validation) {
    const where = fe.validationContext && fe.validationContext !== 'body' ? fe.validationContext : undefined;
    const errors = fe.validation.map((i) => ({
      path: issuePath(i),
      message: issueMessage(i),
      ...(where ? { in: where } : {}),
    }));
    const first = errors[0];
    const detail = first ? `${first.path || (where ?? 'body')} ${first.message}` : 'The request is invalid';
    return problem(422, 'validation_failed', detail, { errors });
  }
  switch (fe.code) {
    case 'FST_ERR_BAD_URL':
      return problem(400, 'bad_request', 'The URL is not valid (a broken percent-encoding)');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'payload_too_large', 'The request body is too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported_media_type', 'This content type is not accepted here');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'bad_request', 'The Content-Length does not match the body');
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code =
      status === 400
        ? 'bad_request'
        : status === 404
          ? 'not_found'
          : status === 413
            ? 'payload_too_large'
            : status === 415
              ? 'unsupported_media_type'
              : status === 429
                ? 'rate_limited'
                : `http_${status}`;
    const detail =
      status === 400 ? 'The request could not be read (malformed JSON or encoding)' : (fe.message ?? 'Bad request');
    return problem(status, code, detail);
  }
  return problem(500, 'internal_error', 'Something went wrong on our side; it has been logged');
}

export function sendProblem(reply: FastifyReply, p: Problem, retryAfter?: number): FastifyReply {
  if (retryAfter !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return reply.code(p.status).type(PROBLEM_TYPE).send(JSON.stringify(p));
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = isDatabaseUnavailable(err) && !(err instanceof AppError) ? databaseUnavailable() : err;
  const p = toProblem(known);
  // An outage is worth a warning per request, not an error with a stack for each.
  if (p.code === 'service_unavailable')
    request.log.warn({ err: { message: err.message, code: (err as { code?: unknown }).code } }, 'database unavailable');
  else if (p.status >= 500) request.log.error({ err }, 'unhandled error');
  else request.log.info({ code: p.code, status: p.status }, 'request refused');
  return sendProblem(reply, p, known instanceof AppError ? known.retryAfter : undefined);
}
