// Fake APNs (HTTP/2 over TLS, the pass type certificate required as client certificate) and a fake
// Google Wallet API with its OAuth token endpoint, recording what the wallet module sends them.
import { execFileSync } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { jwtVerify } from 'jose';
import type { WalletCerts } from './wallet-certs.ts';

export interface WalletFakes {
  /** Pushes APNs received; a token starting with `gone-` is answered 410 Unregistered. */
  pushes: { token: string; topic: unknown; body: string; clientCert: string }[];
  /** Calls to the Google Wallet API (the token endpoint excepted). */
  googleCalls: { method: string; url: string; auth: unknown; body: any }[];
  apnsUrl: string;
  apnsServerCert: string;
  googleUrl: string;
  close(): void;
}

const GONE_TOKEN = /^gone-/;

/** Starts both fakes; Google's token endpoint accepts a JWT grant signed by `googleKey`'s pair for `googleEmail`. */
export async function startWalletFakes(
  certs: WalletCerts,
  googleKey: KeyObject,
  googleEmail: string,
): Promise<WalletFakes> {
  const pushes: WalletFakes['pushes'] = [];
  const googleCalls: WalletFakes['googleCalls'] = [];
  const file = (name: string) => path.join(certs.dir, name);
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('apns.key'), '-out', file('apns.pem')],
      ...['-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    ],
    { stdio: 'pipe' },
  );
  const base = () => `http://127.0.0.1:${(googleApi.address() as AddressInfo).port}`;
  const apnsServerCert = fs.readFileSync(file('apns.pem'), 'utf8');
  const apns = http2.createSecureServer({
    key: fs.readFileSync(file('apns.key')),
    cert: apnsServerCert,
    // Only the pass type certificate (signed by the WWDR-like intermediate) gets in.
    ca: [certs.caPem, fs.readFileSync(file('wwdr.pem'), 'utf8')],
    requestCert: true,
    rejectUnauthorized: true,
  });
  apns.on('stream', (stream, headers) => {
    let body = '';
    stream.setEncoding('utf8');
    stream.on('data', (c: string) => (body += c));
    stream.on('end', () => {
      const token = String(headers[':path']).replace('/3/device/', '');
      const peer = (stream.session?.socket as import('node:tls').TLSSocket).getPeerCertificate();
      pushes.push({ token, topic: headers['apns-topic'], body, clientCert: String(peer.subject?.UID) });
      const gone = headers[':method'] === 'POST' && GONE_TOKEN.test(token);
      stream.respond({ ':status': gone ? 410 : 200 });
      stream.end(gone ? JSON.stringify({ reason: 'Unregistered' }) : '');
    });
  });
  const googleApi = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      if (req.url === '/token') {
        const form = new URLSearchParams(raw);
        const ok =
          form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
          (await jwtVerify(form.get('assertion') ?? '', googleKey, {
            issuer: googleEmail,
            audience: `${base()}/token`,
          }).then(
            (v) => v.payload.scope === 'https://www.googleapis.com/auth/wallet_object.issuer',
            () => false,
          ));
        res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(ok ? { access_token: 'google-access-1', expires_in: 3600 } : {}));
      }
      googleCalls.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(req.headers.authorization === 'Bearer google-access-1' ? 200 : 401).end('{}');
    });
  });
  await Promise.all([
    new Promise<void>((r) => apns.listen(0, '127.0.0.1', r)),
    new Promise<void>((r) => googleApi.listen(0, '127.0.0.1', r)),
  ]);
  return {
    pushes,
    googleCalls,
    apnsUrl: `https://localhost:${(apns.address() as AddressInfo).port}`,
    apnsServerCert,
    googleUrl: base(),
    close() {
      apns.close();
      googleApi.close();
    },
  };
}
