// Secrets from files (`NAME_FILE`, as Docker and Kubernetes mount them): read, trimmed of the newline
// editors add, refused when the plain variable is set too or the file cannot be read.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ConfigError, loadConfig, SECRET_VARIABLES, withSecretFiles } from './config.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-secrets-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

test('every secret variable is read from its _FILE, without the trailing newline', () => {
  const env: Record<string, string> = {};
  for (const name of SECRET_VARIABLES) env[`${name}_FILE`] = secretFile(`any-${name}`, `value of ${name}\n`);
  const read = withSecretFiles(env);
  for (const name of SECRET_VARIABLES) assert.equal(read[name], `value of ${name}`);
  // Wallet keys are PEM: a file keeps its inner newlines.
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
  const wallet = withSecretFiles({ GOOGLE_WALLET_PRIVATE_KEY_FILE: secretFile('pem', `${pem}\n`) });
  assert.equal(wallet.GOOGLE_WALLET_PRIVATE_KEY, pem);
});

test('the configuration takes its URLs, passwords and keys from those files', () => {
  const env: Record<string, string> = { CINEMA_ADMIN_EMAIL: 'admin@example.com', PAYMENT_PROVIDER: 'stripe' };
  const values: Record<string, string> = {
    DATABASE_URL: 'postgres://marquee:s3cret@db:5432/marquee',
    REDIS_URL: 'redis://:s3cret@cache:6379',
    NATS_URL: 'nats://marquee:s3cret@bus:4222',
    SMTP_URL: 'smtp://mailer:s3cret@smtp:587',
    CINEMA_ADMIN_PASSWORD: ' pass with spaces inside ',
    PAYMENT_WEBHOOK_SECRET: 'whsec-builtin',
    STRIPE_SECRET_KEY: 'sk_test_123',
    STRIPE_PUBLISHABLE_KEY: 'pk_test_123',
    STRIPE_WEBHOOK_SECRET: 'whsec_123',
  };
  for (const name of Object.keys(values)) assert.ok((SECRET_VARIABLES as readonly string[]).includes(name), name);
  for (const [name, value] of Object.entries(values)) env[`${name}_FILE`] = secretFile(name, `${value}\n`);
  const config = loadConfig(env);
  assert.equal(config.databaseUrl, values.DATABASE_URL);
  assert.equal(config.redisUrl, values.REDIS_URL);
  assert.equal(config.natsUrl, values.NATS_URL);
  assert.equal(config.smtpUrl, values.SMTP_URL);
  // Values are trimmed like every other variable's.
  assert.equal(config.adminPassword, 'pass with spaces inside');
  assert.equal(config.paymentWebhookSecret, values.PAYMENT_WEBHOOK_SECRET);
  assert.deepEqual(
    [config.stripe.secretKey, config.stripe.publishableKey, config.stripe.webhookSecret],
    [values.STRIPE_SECRET_KEY, values.STRIPE_PUBLISHABLE_KEY, values.STRIPE_WEBHOOK_SECRET],
  );
});

test('a file written on Windows loses its CRLF too, and a plain variable still works alone', () => {
  const config = loadConfig({
    STRIPE_SECRET_KEY_FILE: secretFile('crlf', 'sk_test_crlf\r\n'),
    SMTP_URL: 'smtp://h:25',
  });
  assert.equal(config.stripe.secretKey, 'sk_test_crlf');
  assert.equal(config.smtpUrl, 'smtp://h:25');
});

test('a variable and its _FILE both set is a start-up error naming both', () => {
  const file = secretFile('both', 'redis://cache:6379\n');
  assert.throws(
    () => loadConfig({ REDIS_URL: 'redis://other:6379', REDIS_URL_FILE: file }),
    (err: unknown) => err instanceof ConfigError && /REDIS_URL and REDIS_URL_FILE are both set/.test(err.message),
  );
});

test('an unreadable _FILE is a start-up error naming the variable and the file', () => {
  const missing = path.join(dir, 'no-such-file');
  assert.throws(
    () => loadConfig({ DATABASE_URL_FILE: missing }),
    (err: unknown) =>
      err instanceof ConfigError && err.message.includes('DATABASE_URL_FILE') && err.message.includes(missing),
  );
  // A directory is no secret file either.
  assert.throws(() => loadConfig({ SMTP_URL_FILE: dir }), /SMTP_URL_FILE: cannot read/);
});

test('the value read from a file is checked like the variable (a bad URL names the variable)', () => {
  assert.throws(
    () => loadConfig({ DATABASE_URL_FILE: secretFile('bad-url', 'mysql://x\n') }),
    /DATABASE_URL must start with postgres:/,
  );
});
