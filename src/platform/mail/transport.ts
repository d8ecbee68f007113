// How mail leaves the process: over SMTP (SMTP_URL) with nodemailer, or, with no SMTP configured,
// into the dev mailbox: RFC 822 `.eml` files under DATA_DIR/mailbox plus a log line with the links.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import { redactUrl } from '../telemetry/logger.ts';

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Content-ID for inline images referenced as `cid:…` in the HTML body. */
  cid?: string | undefined;
}

export interface OutgoingMail {
  /** The Message-ID header, `<…@…>`: stable per message, so a resend is recognisable as the same one. */
  messageId?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: OutgoingAttachment[];
}

export interface MailTransport {
  kind: 'smtp' | 'dev';
  /** Sends one message; throws when the server refuses it or cannot be reached. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The http(s) links in a text body (what a reader would click). */
export const linksIn = (text: string): string[] => [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];

function toNodemailer(from: string, mail: OutgoingMail) {
  return {
    from,
    ...(mail.messageId ? { messageId: mail.messageId } : {}),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
      ...(a.cid ? { cid: a.cid } : {}),
    })),
  };
}

/** Delivery over SMTP; short timeouts so a dead server delays mail instead of stalling workers. */
export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 25,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Connections are kept and reused: a rush of confirmations is not a TCP and TLS handshake each.
    pool: true,
    maxConnections: 4,
    // A local or test server without a certificate chain still works; STARTTLS is used when offered.
    tls: { rejectUnauthorized: url.searchParams.get('tls_reject_unauthorized') !== 'false' },
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail(toNodemailer(from, mail));
    },
    close: () => transporter.close(),
  };
}

/** The dev mailbox: each message as an .eml file, and a log line so a developer can click the link. */
export function createDevMailbox(dir: string, from: string, logger: Logger): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'dev',
    async send(mail) {
      const info = await transporter.sendMail(toNodemailer(from, mail));
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      // The folder is made when a write finds it missing, not before every message.
      await fs.writeFile(file, info.message as Buffer).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
        await fs.mkdir(dir, { recursive: true });
        await fs.writeFile(file, info.message as Buffer);
      });
      // Links with their tokens redacted: logs are read by more people than mailboxes. The whole
      // message is in `file`, and admins read it at GET /api/v1/dev/mailbox.
      logger.info(
        { to: mail.to, subject: mail.subject, links: linksIn(mail.text).map(redactUrl), file },
        'dev mailbox: message kept (no SMTP_URL)',
      );
    },
    close: () => transporter.close(),
  };
}
