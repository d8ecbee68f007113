// The waiting list's email (issue 18): seats came back and are held for the customer until `until`
// (the cinema's local time); the link opens the held booking to pay it.
import type { Lang } from '../../../platform/i18n.ts';
import { actionText, type EmailContent, emailHtml } from '../email-layout.ts';
import { emailMessages } from '../emails.messages.ts';
import { greeting, type Showing, showingText } from './booking-emails.ts';

/** Seats offered from the waiting list, held until `until`. */
export function waitlistOfferEmail(
  lang: Lang,
  input: { name: string; showing: Showing; seats: number; until: string; link: string },
): EmailContent {
  const { showing: s } = input;
  const hello = greeting(lang, input.name);
  const count = input.seats;
  const paragraphs = [
    emailMessages.t(lang, 'waitlist.offer', { count, showing: showingText(lang, s) }),
    emailMessages.t(lang, 'waitlist.until', { count, until: input.until }),
  ];
  const action = { label: emailMessages.t(lang, 'waitlist.action'), url: input.link };
  return {
    subject: emailMessages.t(lang, 'waitlist.subject', { title: s.title }),
    text: actionText(hello, paragraphs, action, lang),
    html: emailHtml({ lang, paragraphs: [hello, ...paragraphs], action }),
  };
}
