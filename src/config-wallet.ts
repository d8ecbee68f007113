// Issue 20: the wallet settings (APPLE_WALLET_*, GOOGLE_WALLET_*), parsed for config.ts from the
// environment it was given (never the process's own); kept apart only so that config.ts stays small.
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
      }
    | undefined;
  /** GOOGLE_WALLET_*: issuer id, service account email and its private key (RS256), or none. */
  google: { issuerId: string; serviceAccountEmail: string; privateKeyPem: string; classPrefix: string } | undefined;
}

/** A PEM block from a variable; `\n` escapes stand for line breaks (one-line environment files). */
function pem(env: Env, name: string): string | undefined {
  const v = str(env, name)?.replace(/\\n/g, '\n');
  if (v !== undefined && !/-----BEGIN [A-Z0-9 ]+-----/.test(v))
    throw new ConfigError(`${name} must be PEM ("-----BEGIN …-----"), got something else`);
  return v;
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
    classPrefix,
  };
}
