// The one HTML escaper and the one layout every email uses. Templates build their HTML with the
// `html` tag, which escapes every value put into it unless it is already Html, so no template can
// forget to escape a movie title or a customer's name. The layout's own words are in the reader's
// language (emails.messages.ts).
import type { Lang, Part } from '../../platform/i18n.ts';
import { emailMessages } from './emails.messages.ts';

/** A piece of HTML that is safe to send as it is. */
export interface Html {
  readonly html: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);

type Value = string | number | Html | Html[];

const render = (v: Value): string =>
  Array.isArray(v) ? v.map((x) => x.html).join('') : typeof v === 'object' ? v.html : escapeHtml(String(v));

/** HTML from a template literal: every interpolated string or number is escaped, Html is kept. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] as string;
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] as string)));
  return { html: out };
}

/** Text with its line breaks kept in HTML. */
export const lines = (text: string): Html => ({ html: escapeHtml(text).replace(/\n/g, '<br>') });

/** A message said in pieces (Catalog.parts) as Html: its words escaped, the values named in `strong` in bold. */
export function htmlMessage(parts: Part[], strong: readonly string[] = []): Html {
  return {
    html: parts
      .map((p) =>
        'param' in p && strong.includes(p.param) ? `<strong>${escapeHtml(p.text)}</strong>` : escapeHtml(p.text),
      )
      .join(''),
  };
}

export interface Layout {
  /** The reader's language for the layout's own words; English when not given. */
  lang?: Lang;
  /** Paragraphs, each already Html or plain text to escape. */
  paragraphs: (string | Html)[];
  /** A button to the one thing the reader should do, with the bare link under it. */
  action?: { label: string; url: string };
}

/** The HTML document every email is sent as. */
export function emailHtml(layout: Layout): string {
  const body = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    ...layout.paragraphs.map((p) => html`<p>${p}</p>`.html),
  ];
  const { action } = layout;
  if (action) {
    body.push(
      html`<p>
        <a
          href="${action.url}"
          style="display:inline-block;padding:10px 16px;background:#b91c1c;color:#fff;text-decoration:none;border-radius:4px"
          >${action.label}</a
        >
      </p>`.html,
      html`<p style="font-size:small;color:#555">
        ${emailMessages.t(layout.lang ?? 'en', 'layout.openLink', { url: action.url })}
      </p>`.html,
    );
  }
  body.push(html`<p>${emailMessages.t(layout.lang ?? 'en', 'layout.signature')}</p>`.html, '</body></html>');
  return body.join('\n');
}

/** The plain-text body of an email with a call to action (account emails). */
export function actionText(
  greeting: string,
  paragraphs: string[],
  action: { label: string; url: string },
  lang: Lang = 'en',
): string {
  const signature = emailMessages.t(lang, 'layout.signature');
  return [greeting, '', ...paragraphs, '', `${action.label}: ${action.url}`, '', signature, ''].join('\n');
}

/** What a template makes: the recipient is added by whoever sends it. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** Files (e.g. ticket PDFs) and inline images: set `cid` and refer to `cid:<cid>` in the HTML. */
  attachments?: { filename: string; contentType: string; contentBase64: string; cid?: string }[];
}
