// Structured logs. Secrets never reach them: credentials, cookies, passwords and tokens are redacted.
import pino, { type DestinationStream, type Logger } from 'pino';

const REDACT_PATHS = [
  'req.headers.authorization',
  // A guest booking's management token (Authorization: Booking … is covered above).
  'req.headers["booking-token"]',
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
// Names are compared decoded, so `?%74oken=` is caught as well as `?token=`.
const QUERY_PAIR = /([?&])([^=&#]*)=([^&#]*)/g;
const SECRET_NAMES = new Set(['token', 'password', 'secret']);

function decoded(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** A URL with the values of secret-looking query parameters replaced. */
export const redactUrl = (url: string): string =>
  url.replace(QUERY_PAIR, (pair, sep: string, name: string) =>
    SECRET_NAMES.has(decoded(name)) ? `${sep}${name}=[redacted]` : pair,
  );

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
}

/** Fastify's request serializer, with secrets in the query string redacted. */
const LOG_SERIALIZERS = {
  req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip }),
};

export function createLogger(level: string, name = 'marquee', destination?: DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: LOG_SERIALIZERS };
  return destination ? pino(options, destination) : pino(options);
}
