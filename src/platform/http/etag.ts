// Strong entity tags for cached JSON bodies: computed once when a body is made, compared on each
// request, so a client that already has the body pays only for a 304.
import { createHash } from 'node:crypto';

/** A strong ETag from the body's bytes: equal bodies get equal tags on every process. */
export const etagOf = (body: string | Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag) return true;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}
