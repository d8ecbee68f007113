// Apple Push Notification service over HTTP/2 (node:http2): one `POST /3/device/<token>` per device
// with `apns-topic: <pass type identifier>` and an empty JSON body, which tells Wallet to ask the
// PassKit web service what changed. The TLS client certificate is the pass type certificate and key
// the passes are signed with (Apple accepts that one for pass pushes). One connection per batch: a
// notify job is rare (a move, a cancellation), so no connection is kept open between jobs.
import http2 from 'node:http2';
import type { AppleWalletConfig } from './apple-pass.ts';
import type { ApplePushPort } from './wallet.ports.ts';

const TIMEOUT_MS = 10_000;

export function apnsClient(config: AppleWalletConfig): ApplePushPort {
  return {
    async push(topic, pushTokens) {
      const unregistered: string[] = [];
      const failures: string[] = [];
      if (pushTokens.length === 0) return { unregistered, failures };
      const session = http2.connect(config.apnsUrl, {
        cert: config.signerCertPem,
        key: config.signerKeyPem,
        ...(config.signerKeyPassphrase ? { passphrase: config.signerKeyPassphrase } : {}),
        ...(config.apnsCaPem ? { ca: config.apnsCaPem } : {}),
      });
      // A failed connection fails each request too; that is where it is counted.
      session.on('error', () => {});
      try {
        await Promise.all(
          pushTokens.map(async (token) => {
            try {
              const { status, body } = await post(session, token, topic);
              if (status === 200) return;
              if (status === 410) unregistered.push(token);
              else failures.push(`${status} ${body}`);
            } catch (err) {
              failures.push((err as Error).message);
            }
          }),
        );
      } finally {
        session.close();
      }
      return { unregistered, failures };
    },
  };
}

function post(
  session: http2.ClientHttp2Session,
  token: string,
  topic: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = session.request({
      ':method': 'POST',
      ':path': `/3/device/${encodeURIComponent(token)}`,
      'apns-topic': topic,
      'content-type': 'application/json',
    });
    req.setTimeout(TIMEOUT_MS, () => req.close(http2.constants.NGHTTP2_CANCEL));
    let status = 0;
    let body = '';
    req.on('response', (headers) => (status = Number(headers[':status'])));
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve({ status, body }));
    req.on('close', () => status === 0 && reject(new Error('APNs: no answer')));
    req.on('error', reject);
    req.end('{}');
  });
}
