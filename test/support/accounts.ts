// Helpers for suites that sign up and sign in through the API and read the mail they were sent.
import { randomBytes } from 'node:crypto';
import { deliverMail } from './mail.ts';
import type { TestApp, TestResponse } from './test-app.ts';

export const GOOD_PASSWORD = 'tangerine-Lamp-42-orbit';

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;

/** Registers through the API; fails the test unless it answers 201. */
export async function registerUser(
  t: TestApp,
  options: {
    email?: string;
    password?: string;
    name?: string;
    headers?: Record<string, string>;
    remoteAddress?: string;
  } = {},
): Promise<{ id: string; email: string; password: string; body: any }> {
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? GOOD_PASSWORD;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, name: options.name ?? 'Ada Lovelace' },
    headers: options.headers ?? {},
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
  if (res.status !== 201) throw new Error(`register answered ${res.status}: ${res.text}`);
  return { id: res.body.user.id, email: res.body.user.email, password, body: res.body };
}

export function login(
  t: TestApp,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
}

/** Registers and signs in; returns the token. */
export async function signedInUser(t: TestApp, options: { email?: string; password?: string } = {}) {
  const user = await registerUser(t, options);
  const res = await login(t, user.email, user.password);
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${res.text}`);
  return { ...user, token: res.body.token as string };
}

/** Mail made for a recipient, newest first, once the mail of every event so far is delivered. */
export async function mailsTo(t: TestApp, recipient: string) {
  await deliverMail(t);
  return t.app.platform.database.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('recipient', '=', recipient)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The token of the newest link to `path` (e.g. `/verify-email`) mailed to the recipient. */
export async function mailedToken(t: TestApp, recipient: string, path: string): Promise<string> {
  for (const m of await mailsTo(t, recipient)) {
    const match = new RegExp(`${t.config.publicUrl}${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.text_body);
    if (match?.[1]) return match[1];
  }
  throw new Error(`no ${path} link mailed to ${recipient}`);
}
