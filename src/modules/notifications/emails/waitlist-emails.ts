// The waiting list's email (issue 18): seats came back and are held for the customer until `until`
// (the cinema's local time); the link opens the held booking to pay it.
import { actionText, type EmailContent, emailHtml } from '../email-layout.ts';
import type { Showing } from './booking-emails.ts';

/** Seats offered from the waiting list, held until `until`. */
export function waitlistOfferEmail(input: {
  name: string;
  showing: Showing;
  seats: number;
  until: string;
  link: string;
}): EmailContent {
  const { showing: s } = input;
  const hello = `Hello ${input.name || 'there'},`;
  const seats = input.seats === 1 ? 'a seat' : `${input.seats} seats`;
  const paragraphs = [
    `Good news from the waiting list: ${seats} for ${s.title}, ${s.when}, ${s.cinema} (${s.hall}) came back, and we are holding them for you.`,
    `They are yours if you pay by ${input.until}; after that they go to the next person in line.`,
  ];
  const action = { label: 'Pay for your seats', url: input.link };
  return {
    subject: `Seats for you: ${s.title}`,
    text: actionText(hello, paragraphs, action),
    html: emailHtml({ paragraphs: [hello, ...paragraphs], action }),
  };
}
