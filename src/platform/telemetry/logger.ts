// Structured logs. Secrets never reach them: credentials, cookies, passwords and tokens are redacted.
import pino, { type Logger } from 'pino';

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

export function createLogger(level: string, name = 'marquee'): Logger {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
