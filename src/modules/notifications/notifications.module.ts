import type { ModuleParts, Platform } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/database.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; contentBase64: string; cid?: string }[];
}

export interface Mail {
  /** Queues a message in the caller's transaction; a worker delivers it later. */
  enqueue(trx: Executor, message: MailMessage): Promise<void>;
}

export function createNotificationsModule(_platform: Platform): { mail: Mail; parts: ModuleParts } {
  return { mail: { enqueue: async () => {} }, parts: {} };
}
