// The mails the accounts module sends, in plain text and HTML. Links are built from PUBLIC_URL.
import type { MailMessage } from '../notifications/notifications.module.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function message(
  to: string,
  subject: string,
  greeting: string,
  lines: string[],
  action: { label: string; url: string },
): MailMessage {
  const text = [greeting, '', ...lines, '', `${action.label}: ${action.url}`, '', '— Marquee box office', ''].join(
    '\n',
  );
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#b91c1c;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p>`,
    `<p style="font-size:small;color:#555">Or open this link: ${escapeHtml(action.url)}</p>`,
    '<p>— Marquee box office</p>',
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html };
}

const hello = (name: string) => (name ? `Hello ${name},` : 'Hello,');

export function verificationEmail(publicUrl: string, to: string, name: string, token: string): MailMessage {
  return message(
    to,
    'Confirm your email address',
    hello(name),
    [
      'Thank you for creating an account. Please confirm that this email address is yours.',
      'If you did not sign up, ignore this message.',
    ],
    { label: 'Confirm my email', url: `${publicUrl}/verify-email?token=${token}` },
  );
}

export function passwordResetEmail(publicUrl: string, to: string, name: string, token: string): MailMessage {
  return message(
    to,
    'Reset your password',
    hello(name),
    [
      'Someone (hopefully you) asked to reset the password of your account. The link works once, for one hour.',
      'Setting a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.',
    ],
    { label: 'Choose a new password', url: `${publicUrl}/reset-password?token=${token}` },
  );
}

/** Told once a day at most when the account sees many wrong passwords: it is not locked, but the owner may want a new password. */
export function failedSignInsEmail(publicUrl: string, to: string, name: string): MailMessage {
  return message(
    to,
    'Wrong passwords were tried on your account',
    hello(name),
    [
      'Someone has just tried to sign in to your account with a wrong password many times.',
      'Your account is not locked: you can sign in as usual. Those guesses are slowed down, and they do not slow you down.',
      'If it was not you and your password is one you also use elsewhere, or easy to guess, choose a new one.',
    ],
    { label: 'Choose a new password', url: `${publicUrl}/forgot-password` },
  );
}
