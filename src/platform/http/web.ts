// Serves the built web app (web/dist) at `/`: hashed assets cached for a year, index.html never
// cached, and every deep link that is not an API, media or operations path answered with
// index.html so the app's own router takes it from there. Unknown API paths stay problem+json 404s.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem.ts';
import type { HttpApp } from './server.ts';

/** Paths the app never answers with index.html. */
const RESERVED = /^\/(api|media|metrics|healthz|readyz)(\/|$)/;

/** Other origins the app's pages may use: the payment provider's script, API and frames (Stripe.js). */
export interface ExtraOrigins {
  script: string[];
  connect: string[];
  frame: string[];
}

/** The app's pages: scripts, styles, connections and images from our own origin only (and the payment provider's). */
function appCsp(extra: ExtraOrigins): string {
  const with_ = (list: string[]) => ["'self'", ...list].join(' ');
  return [
    "default-src 'self'",
    `script-src ${with_(extra.script)}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${with_(extra.connect)}`,
    ...(extra.frame.length > 0 ? [`frame-src ${with_(extra.frame)}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problem(404, 'not_found', `No route for ${request.method} ${request.url.split('?')[0]}`));
}

/** The file under `dist` a request path names, or null when there is none (or it escapes `dist`). */
function fileFor(dist: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(dist, `.${decoded}`);
  if (!full.startsWith(dist + path.sep)) return null;
  try {
    return statSync(full).isFile() ? path.relative(dist, full).split(path.sep).join('/') : null;
  } catch {
    return null;
  }
}

/** Registers the web app after every API route; a missing build answers 503 with how to make one. */
export async function registerWebApp(
  app: HttpApp,
  options: { dist: string; extraOrigins?: ExtraOrigins },
): Promise<void> {
  const dist = path.resolve(options.dist);
  const APP_CSP = appCsp(options.extraOrigins ?? { script: [], connect: [], frame: [] });
  await app.register(fastifyStatic, { root: dist, serve: false, preCompressed: true, dotfiles: 'deny' });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (RESERVED.test(pathname)) return notFound(request, reply);
    const file = pathname === '/' ? null : fileFor(dist, pathname);
    if (file && file !== 'index.html') {
      const hashed = file.startsWith('assets/');
      return reply.sendFile(file, hashed ? { maxAge: '365d', immutable: true } : { maxAge: '1h', immutable: false });
    }
    // A missing asset or file must not turn into the app's page (it would be parsed as script).
    if (pathname.startsWith('/assets/') || /\.[a-z0-9]{1,5}$/i.test(pathname)) return notFound(request, reply);
    if (!existsSync(path.join(dist, 'index.html'))) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(
          'The web app has not been built yet: run `npm start` (it builds web/dist) or `node web/build-if-stale.ts`.\n',
        );
    }
    reply.header('content-security-policy', APP_CSP);
    reply.header('cache-control', 'no-cache');
    // A guest booking's page is opened with its management token in the link: the page's own
    // requests (and any link followed from it) must not carry that address in a Referer.
    if (pathname.startsWith('/guest/')) reply.header('referrer-policy', 'no-referrer');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
