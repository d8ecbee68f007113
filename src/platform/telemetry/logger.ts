// Structured logs. Secrets never reach them: credentials, cookies, passwords and tokens are redacted.
import pino, { type DestinationStream, type Logger } from 'pino';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.card',
  'password',
  'token',
];

// Mailed links carry tokens in the query string (/verify-email?token=…), and Fastify logs each URL.
const SECRET_QUERY = /([?&](?:token|password|secret)=)[^&#]*/gi;

/** A URL with the values of secret-looking query parameters replaced. */
export const redactUrl = (url: string): string => url.replace(SECRET_QUERY, '$1[redacted]');

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
}

/** Fastify's request serializer, with secrets in the query string redacted. */
export const LOG_SERIALIZERS = {
  req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip }),
};

export function createLogger(level: string, name = 'marquee', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: LOG_SERIALIZERS };
  return destination ? pino(options, destination) : pino(options);
}
