// The dev mailbox read API: recent messages and their links, for tests and the web app's dev flow.
// It exists only while no SMTP server is configured, and only for admins.
import { Type } from 'typebox';
import type { Executor } from '../../platform/db/database.ts';
import type { AuthHooks } from '../../platform/http/auth.ts';
import type { HttpApp } from '../../platform/http/server.ts';
import { linksIn } from '../../platform/mail/transport.ts';
import { recentSent } from './mail.store.ts';
import type { NotificationsDb } from './notifications.tables.ts';

const DevMessage = Type.Object({
  id: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  sentAt: Type.String({ format: 'date-time' }),
  links: Type.Array(Type.String()),
  text: Type.String(),
  attachments: Type.Array(
    Type.Object({ filename: Type.String(), contentType: Type.String(), cid: Type.Optional(Type.String()) }),
  ),
});

export function registerNotificationRoutes(
  app: HttpApp,
  auth: AuthHooks,
  deps: { db: Executor<NotificationsDb>; devMailbox: boolean },
): void {
  if (!deps.devMailbox) return;
  app.get(
    '/api/v1/dev/mailbox',
    {
      onRequest: auth.require('admin'),
      schema: {
        tags: ['dev'],
        summary: 'Recent messages of the dev mailbox (only when no SMTP server is configured)',
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 320 })),
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(DevMessage) }) },
      },
    },
    async (request) => {
      const rows = await recentSent(deps.db, request.query.limit, request.query.to?.trim().toLowerCase());
      return {
        items: rows.map((r) => ({
          id: r.id,
          to: r.recipient,
          subject: r.subject,
          sentAt: (r.sent_at as Date).toISOString(),
          links: linksIn(r.text_body),
          text: r.text_body,
          attachments: r.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            ...(a.cid ? { cid: a.cid } : {}),
          })),
        })),
      };
    },
  );
}
