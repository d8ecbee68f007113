// The emails about an account: confirming the address, resetting the password, wrong passwords
// tried. Links are built from PUBLIC_URL.
import { actionText, type EmailContent, emailHtml } from '../email-layout.ts';

function actionEmail(
  subject: string,
  greeting: string,
  paragraphs: string[],
  action: { label: string; url: string },
): EmailContent {
  return {
    subject,
    text: actionText(greeting, paragraphs, action),
    html: emailHtml({ paragraphs: [greeting, ...paragraphs], action }),
  };
}

const hello = (name: string) => (name ? `Hello ${name},` : 'Hello,');

export function verificationEmail(publicUrl: string, name: string, token: string): EmailContent {
  return actionEmail(
    'Confirm your email address',
    hello(name),
    [
      'Thank you for creating an account. Please confirm that this email address is yours.',
      'If you did not sign up, ignore this message.',
    ],
    { label: 'Confirm my email', url: `${publicUrl}/verify-email?token=${token}` },
  );
}

export function passwordResetEmail(publicUrl: string, name: string, token: string): EmailContent {
  return actionEmail(
    'Reset your password',
    hello(name),
    [
      'Someone (hopefully you) asked to reset the password of your account. The link works once, for one hour.',
      'Setting a new password signs you out everywhere. If you did not ask for this, ignore this message: your password stays as it is.',
    ],
    { label: 'Choose a new password', url: `${publicUrl}/reset-password?token=${token}` },
  );
}

/** Sent once a day at most when the account sees many wrong passwords: it is not locked, but the owner may want a new password. */
export function signInAlertEmail(publicUrl: string, name: string): EmailContent {
  return actionEmail(
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
