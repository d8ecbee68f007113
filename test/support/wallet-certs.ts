// Test certificates for Apple Wallet passes, made with OpenSSL in a temporary folder: a root CA, a
// WWDR-like intermediate it signs, and a pass signer the intermediate signs (key under a passphrase,
// as Apple's exports are). Also reads a .pkpass with Debian's unzip and verifies its signature.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PASS_TYPE_ID = 'pass.test.marquee.tickets';
export const SIGNER_PASSPHRASE = 'wallet-test-passphrase';

export interface WalletCerts {
  dir: string;
  caPem: string;
  caFile: string;
  /** The APPLE_WALLET_* settings of an app that signs with these. */
  env: Record<string, string>;
  remove(): void;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, a WWDR-like intermediate and a pass signer (certificates valid for two days). */
export function makeWalletCerts(): WalletCerts {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-wallet-'));
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  write('ca.ext', 'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n');
  write('signer.ext', 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\n');
  openssl(
    dir,
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem']
      .concat(['-days', '2', '-subj', '/CN=Marquee Test Root CA', '-addext', 'basicConstraints=critical,CA:true'])
      .concat(['-addext', 'keyUsage=critical,keyCertSign,cRLSign']),
  );
  openssl(dir, [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'wwdr.key',
    '-out',
    'wwdr.csr',
    '-subj',
    '/CN=Test WWDR',
  ]);
  openssl(
    dir,
    ['x509', '-req', '-in', 'wwdr.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '2'].concat([
      '-days',
      '2',
      '-extfile',
      'ca.ext',
      '-out',
      'wwdr.pem',
    ]),
  );
  openssl(
    dir,
    ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-aes-256-cbc'].concat([
      '-pass',
      `pass:${SIGNER_PASSPHRASE}`,
      '-out',
      'signer.key',
    ]),
  );
  openssl(
    dir,
    ['req', '-new', '-key', 'signer.key', '-passin', `pass:${SIGNER_PASSPHRASE}`, '-out', 'signer.csr'].concat([
      '-subj',
      `/UID=${PASS_TYPE_ID}/CN=Pass Type ID: ${PASS_TYPE_ID}/OU=TEAM123456`,
    ]),
  );
  openssl(
    dir,
    ['x509', '-req', '-in', 'signer.csr', '-CA', 'wwdr.pem', '-CAkey', 'wwdr.key', '-set_serial', '3'].concat([
      '-days',
      '2',
      '-extfile',
      'signer.ext',
      '-out',
      'signer.pem',
    ]),
  );
  const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
  return {
    dir,
    caPem: read('ca.pem'),
    caFile: path.join(dir, 'ca.pem'),
    env: {
      APPLE_WALLET_PASS_TYPE_ID: PASS_TYPE_ID,
      APPLE_WALLET_TEAM_ID: 'TEAM123456',
      APPLE_WALLET_SIGNER_CERT: read('signer.pem'),
      APPLE_WALLET_SIGNER_KEY: read('signer.key'),
      APPLE_WALLET_SIGNER_KEY_PASSPHRASE: SIGNER_PASSPHRASE,
      // One line with \n escapes, as an environment file holds it.
      APPLE_WALLET_WWDR_CERT: read('wwdr.pem').replace(/\n/g, '\\n'),
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A .pkpass's files by name (Debian's unzip lists and extracts them). */
export function unzipPass(pkpass: Buffer, dir: string): Record<string, Buffer> {
  const into = fs.mkdtempSync(path.join(dir, 'pass-'));
  fs.writeFileSync(path.join(into, 'pass.pkpass'), pkpass);
  execFileSync('unzip', ['-q', 'pass.pkpass', '-d', 'files'], { cwd: into, stdio: 'pipe' });
  const files: Record<string, Buffer> = {};
  for (const name of fs.readdirSync(path.join(into, 'files')))
    files[name] = fs.readFileSync(path.join(into, 'files', name));
  return files;
}

/**
 * Verifies `signature` (DER PKCS #7, detached) over `manifest` with OpenSSL against the CA; the
 * signer's chain must be inside the signature. Answers OpenSSL's verdict and its error text.
 */
export function verifyPassSignature(
  certs: WalletCerts,
  signature: Buffer,
  manifest: Buffer,
): { ok: boolean; stderr: string; signers: string } {
  const into = fs.mkdtempSync(path.join(certs.dir, 'verify-'));
  fs.writeFileSync(path.join(into, 'signature'), signature);
  fs.writeFileSync(path.join(into, 'manifest.json'), manifest);
  const run = spawnSync(
    'openssl',
    ['smime', '-verify', '-binary', '-inform', 'DER', '-in', 'signature', '-content', 'manifest.json'].concat([
      '-CAfile',
      certs.caFile,
      '-purpose',
      'any',
      '-out',
      '/dev/null',
      '-signer',
      'signers.pem',
    ]),
    { cwd: into, encoding: 'utf8' },
  );
  const signers = fs.existsSync(path.join(into, 'signers.pem'))
    ? fs.readFileSync(path.join(into, 'signers.pem'), 'utf8')
    : '';
  return { ok: run.status === 0, stderr: run.stderr, signers };
}
