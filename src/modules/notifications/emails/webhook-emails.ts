// The admins' email of webhooks out (issue 19): an endpoint failed every attempt for three days and
// was disabled; the link opens the staff console's webhooks page, where it is enabled again.
import { actionText, type EmailContent, emailHtml } from '../email-layout.ts';

/** A webhook endpoint disabled because every attempt failed for three days. */
export function webhookDisabledEmail(input: { name: string; url: string; link: string }): EmailContent {
  const hello = `Hello ${input.name || 'there'},`;
  const paragraphs = [
    `Every delivery to the webhook endpoint ${input.url} failed for three days, so it was disabled: no more events are sent to it.`,
    'Once the receiver answers again, enable the endpoint and redeliver what it missed.',
  ];
  const action = { label: 'Open the webhooks page', url: input.link };
  return {
    subject: 'A webhook endpoint was disabled',
    text: actionText(hello, paragraphs, action),
    html: emailHtml({ paragraphs: [hello, ...paragraphs], action }),
  };
}
