// Wallet settings: each wallet is offered only when all of its settings are given; half a set, a pass
// type that is not one, or a key that is not PEM stops the start with the variable named.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../config.ts';

const PEM = '-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----';
const APPLE = {
  APPLE_WALLET_PASS_TYPE_ID: 'pass.com.example.tickets',
  APPLE_WALLET_TEAM_ID: 'TEAM123456',
  APPLE_WALLET_SIGNER_CERT: PEM,
  APPLE_WALLET_SIGNER_KEY: KEY,
  APPLE_WALLET_WWDR_CERT: PEM,
};
// Google's key is made into a signing key at start-up, so it must be a real RSA key here.
const pkcs8 = (k: { privateKey: { export(o: object): string | Buffer } }) =>
  k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n');
const RSA_KEY = pkcs8(generateKeyPairSync('rsa', { modulusLength: 2048 }));
const GOOGLE = {
  GOOGLE_WALLET_ISSUER_ID: '3388000000012345678',
  GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL: 'wallet@example.iam.gserviceaccount.com',
  GOOGLE_WALLET_PRIVATE_KEY: RSA_KEY,
};
const load = (env: Record<string, string>) => loadConfig({ CINEMA_DEMO: 'false', ...env });

test('no wallet settings: neither wallet is offered', () => {
  assert.deepEqual(load({}).wallet, { apple: undefined, google: undefined });
});

test('all settings given: both offered, PEM line escapes turned into line breaks', () => {
  const { apple, google } = load({ ...APPLE, ...GOOGLE, APPLE_WALLET_SIGNER_KEY_PASSPHRASE: 'pw' }).wallet;
  assert.equal(apple?.passTypeIdentifier, 'pass.com.example.tickets');
  assert.equal(apple?.signerKeyPassphrase, 'pw');
  assert.equal(apple?.organizationName, 'Marquee');
  assert.equal(apple?.wwdrCertPem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
  assert.equal(google?.classPrefix, 'marquee');
  assert.match(google?.privateKeyPem ?? '', /^-----BEGIN PRIVATE KEY-----\n/);
  assert.equal(google?.privateKey.asymmetricKeyType, 'rsa');
});

test('half a set, a wrong pass type, an issuer that is no number or a key that is not PEM are refused', () => {
  const { APPLE_WALLET_WWDR_CERT: _w, ...noWwdr } = APPLE;
  assert.throws(
    () => load(noWwdr),
    (e: Error) => e instanceof ConfigError && /APPLE_WALLET_WWDR_CERT/.test(e.message),
  );
  assert.throws(() => load({ ...APPLE, APPLE_WALLET_PASS_TYPE_ID: 'com.example' }), /APPLE_WALLET_PASS_TYPE_ID/);
  assert.throws(() => load({ ...APPLE, APPLE_WALLET_SIGNER_KEY: 'secret' }), /APPLE_WALLET_SIGNER_KEY must be PEM/);
  assert.throws(() => load({ GOOGLE_WALLET_ISSUER_ID: '1' }), /go together/);
  assert.throws(() => load({ ...GOOGLE, GOOGLE_WALLET_ISSUER_ID: 'abc' }), /GOOGLE_WALLET_ISSUER_ID/);
  assert.throws(() => load({ ...GOOGLE, GOOGLE_WALLET_CLASS_PREFIX: 'a b' }), /GOOGLE_WALLET_CLASS_PREFIX/);
  // A PEM that is no key, or a key RS256 cannot sign with, stops the start instead of every confirmation email.
  assert.throws(
    () => load({ ...GOOGLE, GOOGLE_WALLET_PRIVATE_KEY: KEY }),
    (e: Error) => e instanceof ConfigError && /GOOGLE_WALLET_PRIVATE_KEY is not a private key/.test(e.message),
  );
  const ec = pkcs8(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  assert.throws(
    () => load({ ...GOOGLE, GOOGLE_WALLET_PRIVATE_KEY: ec }),
    /GOOGLE_WALLET_PRIVATE_KEY must be an RSA private key, got ec/,
  );
});
