// The one layout and escaper of every email.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linksIn } from '../../platform/mail/transport.ts';
import { actionText, emailHtml, escapeHtml, html, lines } from './email-layout.ts';

test('every interpolated value is escaped unless it is already HTML', () => {
  const title = `<script>alert("x")</script> & 'friends'`;
  assert.equal(escapeHtml(title), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;');
  assert.equal(html`<strong>${title}</strong>`.html, `<strong>${escapeHtml(title)}</strong>`);
  assert.equal(html`<p>${html`<b>${'a<b'}</b>`}</p>`.html, '<p><b>a&lt;b</b></p>');
  assert.equal(lines('Row A, seat 1\nRow <B>, seat 2').html, 'Row A, seat 1<br>Row &lt;B&gt;, seat 2');
});

test('the document wraps paragraphs, the action and the signature', () => {
  const doc = emailHtml({
    paragraphs: ['Hello <you>,', html`<strong>${'€12.50'}</strong> back`],
    action: { label: 'Go', url: 'https://box.test/x?a=1&token=t' },
  });
  assert.match(doc, /^<!doctype html>/);
  assert.ok(doc.includes('<p>Hello &lt;you&gt;,</p>'));
  assert.ok(doc.includes('<p><strong>€12.50</strong> back</p>'));
  assert.ok(doc.includes('href="https://box.test/x?a=1&amp;token=t"'));
  assert.ok(doc.includes('<p>— Marquee box office</p>'));
  assert.equal(
    actionText('Hello,', ['One.', 'Two.'], { label: 'Go', url: 'https://box.test/x' }),
    'Hello,\n\nOne.\nTwo.\n\nGo: https://box.test/x\n\n— Marquee box office\n',
  );
});

test('links are found in a text body, once each', () => {
  const text =
    'Open https://box.test/verify-email?token=abc_-1 now.\nOr http://x.test/a and https://box.test/verify-email?token=abc_-1';
  assert.deepEqual(linksIn(text), ['https://box.test/verify-email?token=abc_-1', 'http://x.test/a']);
});
