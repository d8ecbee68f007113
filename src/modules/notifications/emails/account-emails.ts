// The emails about an account: confirming the address, resetting the password, wrong passwords
// tried. Links are built from PUBLIC_URL; the words are in the account's language.
import type { Lang } from '../../../platform/i18n.ts';
import { actionText, type EmailContent, emailHtml } from '../email-layout.ts';
import { type EmailKey, emailMessages } from '../emails.messages.ts';

function actionEmail(
  lang: Lang,
  name: string,
  keys: { subject: EmailKey; paragraphs: EmailKey[]; label: EmailKey },
  url: string,
): EmailContent {
  const t = (key: EmailKey) => emailMessages.t(lang, key);
  const greeting = name ? emailMessages.t(lang, 'hello', { name }) : t('hello.anonymous');
  const paragraphs = keys.paragraphs.map(t);
  const action = { label: t(keys.label), url };
  return {
    subject: t(keys.subject),
    text: actionText(greeting, paragraphs, action, lang),
    html: emailHtml({ lang, paragraphs: [greeting, ...paragraphs], action }),
  };
}

export function verificationEmail(lang: Lang, publicUrl: string, name: string, token: string): EmailContent {
  return actionEmail(
    lang,
    name,
    { subject: 'verify.subject', paragraphs: ['verify.thanks', 'verify.ignore'], label: 'verify.action' },
    `${publicUrl}/verify-email?token=${token}`,
  );
}

export function passwordResetEmail(lang: Lang, publicUrl: string, name: string, token: string): EmailContent {
  return actionEmail(
    lang,
    name,
    { subject: 'reset.subject', paragraphs: ['reset.asked', 'reset.ignore'], label: 'reset.action' },
    `${publicUrl}/reset-password?token=${token}`,
  );
}

/** Sent once a day at most when the account sees many wrong passwords: it is not locked, but the owner may want a new password. */
export function signInAlertEmail(lang: Lang, publicUrl: string, name: string): EmailContent {
  return actionEmail(
    lang,
    name,
    {
      subject: 'alert.subject',
      paragraphs: ['alert.tried', 'alert.notLocked', 'alert.advice'],
      label: 'reset.action',
    },
    `${publicUrl}/forgot-password`,
  );
}
