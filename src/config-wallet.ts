// Issue 20: the wallet settings (APPLE_WALLET_*, GOOGLE_WALLET_*), parsed for config.ts from the
// environment it was given (never the process's own); kept apart only so that config.ts stays small.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { ConfigError } from './config.ts';

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export interface WalletConfig {
  /** APPLE_WALLET_*: all of pass type, team, signer certificate and key, and WWDR certificate, or none. */
  apple:
    | {
        passTypeIdentifier: string;
        teamIdentifier: string;
        organizationName: string;
        signerCertPem: string;
        signerKeyPem: string;
        signerKeyPassphrase: string | undefined;
        wwdrCertPem: string;
        /** APNs (HTTP/2) that update pushes go to; the pass type certificate is the client certificate. */
        apnsUrl: string;
        /** Extra CA the APNs server is verified against (a sandbox relay, tests); unset: the system's. */
        apnsCaPem: string | undefined;
      }
    | undefined;
  /** GOOGLE_WALLET_*: issuer id, service account email and its private key (RS256), or none. */
  google:
    | {
        issuerId: string;
        serviceAccountEmail: string;
        privateKeyPem: string;
        /** The key made from it at start-up: one that cannot sign stops the start, not every confirmation email. */
        privateKey: KeyObject;
        classPrefix: string;
        /** The Wallet REST API (classes and objects are PATCHed there) and the OAuth token endpoint. */
        apiUrl: string;
        tokenUrl: string;
      }
    | undefined;
}

/** A PEM block from a variable; `\n` escapes stand for line breaks (one-line environment files). */
function pem(env: Env, name: string): string | undefined {
  const v = str(env, name)?.replace(/\\n/g, '\n');
  if (v !== undefined && !/-----BEGIN [A-Z0-9 ]+-----/.test(v))
    throw new ConfigError(`${name} must be PEM ("-----BEGIN …-----"), got something else`);
  return v;
}

/** A private RSA key (RS256 signs with nothing else) from a PEM variable, or a start-up error naming it. */
function rsaKey(name: string, pemText: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pemText);
  } catch (err) {
    throw new ConfigError(`${name} is not a private key OpenSSL can read (${(err as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw new ConfigError(`${name} must be an RSA private key, got ${key.asymmetricKeyType ?? 'another kind'}`);
  return key;
}

/** An http(s) URL from a variable, without its trailing slash. */
function httpUrl(env: Env, name: string, fallback: string): string {
  const v = str(env, name);
  if (v === undefined) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${v}"`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ConfigError(`${name} must be an http(s) URL, got "${v}"`);
  return v.replace(/\/+$/, '');
}

/** All of APPLE_WALLET_* that are required, or none of them (no Apple Wallet passes then). */
export function parseAppleWallet(env: Env): WalletConfig['apple'] {
  const required = {
    APPLE_WALLET_PASS_TYPE_ID: str(env, 'APPLE_WALLET_PASS_TYPE_ID'),
    APPLE_WALLET_TEAM_ID: str(env, 'APPLE_WALLET_TEAM_ID'),
    APPLE_WALLET_SIGNER_CERT: pem(env, 'APPLE_WALLET_SIGNER_CERT'),
    APPLE_WALLET_SIGNER_KEY: pem(env, 'APPLE_WALLET_SIGNER_KEY'),
    APPLE_WALLET_WWDR_CERT: pem(env, 'APPLE_WALLET_WWDR_CERT'),
  };
  const unset = Object.entries(required).filter(([, v]) => v === undefined);
  if (unset.length === Object.keys(required).length) return undefined;
  if (unset.length > 0) throw new ConfigError(`Apple Wallet needs ${unset.map(([k]) => k).join(', ')} as well`);
  const passType = required.APPLE_WALLET_PASS_TYPE_ID as string;
  if (!/^pass\.[A-Za-z0-9.-]+$/.test(passType))
    throw new ConfigError(`APPLE_WALLET_PASS_TYPE_ID must look like pass.com.example.tickets, got "${passType}"`);
  return {
    passTypeIdentifier: passType,
    teamIdentifier: required.APPLE_WALLET_TEAM_ID as string,
    organizationName: str(env, 'APPLE_WALLET_ORGANIZATION') ?? 'Marquee',
    signerCertPem: required.APPLE_WALLET_SIGNER_CERT as string,
    signerKeyPem: required.APPLE_WALLET_SIGNER_KEY as string,
    signerKeyPassphrase: str(env, 'APPLE_WALLET_SIGNER_KEY_PASSPHRASE'),
    wwdrCertPem: required.APPLE_WALLET_WWDR_CERT as string,
    apnsUrl: httpUrl(env, 'APPLE_WALLET_APNS_URL', 'https://api.push.apple.com'),
    apnsCaPem: pem(env, 'APPLE_WALLET_APNS_CA'),
  };
}

/** GOOGLE_WALLET_ISSUER_ID, _SERVICE_ACCOUNT_EMAIL and _PRIVATE_KEY together, or none (no save links). */
export function parseGoogleWallet(env: Env): WalletConfig['google'] {
  const issuerId = str(env, 'GOOGLE_WALLET_ISSUER_ID');
  const serviceAccountEmail = str(env, 'GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL');
  const privateKeyPem = pem(env, 'GOOGLE_WALLET_PRIVATE_KEY');
  const given = [issuerId, serviceAccountEmail, privateKeyPem];
  if (given.every((v) => v === undefined)) return undefined;
  if (given.some((v) => v === undefined))
    throw new ConfigError(
      'GOOGLE_WALLET_ISSUER_ID, GOOGLE_WALLET_SERVICE_ACCOUNT_EMAIL and GOOGLE_WALLET_PRIVATE_KEY go together',
    );
  if (!/^\d+$/.test(issuerId as string))
    throw new ConfigError(`GOOGLE_WALLET_ISSUER_ID must be the issuer's number, got "${issuerId}"`);
  const classPrefix = str(env, 'GOOGLE_WALLET_CLASS_PREFIX') ?? 'marquee';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(classPrefix))
    throw new ConfigError(`GOOGLE_WALLET_CLASS_PREFIX may hold letters, digits, _ and - only, got "${classPrefix}"`);
  return {
    issuerId: issuerId as string,
    serviceAccountEmail: serviceAccountEmail as string,
    privateKeyPem: privateKeyPem as string,
    privateKey: rsaKey('GOOGLE_WALLET_PRIVATE_KEY', privateKeyPem as string),
    classPrefix,
    apiUrl: httpUrl(env, 'GOOGLE_WALLET_API_URL', 'https://walletobjects.googleapis.com/walletobjects/v1'),
    tokenUrl: httpUrl(env, 'GOOGLE_WALLET_TOKEN_URL', 'https://oauth2.googleapis.com/token'),
  };
}
