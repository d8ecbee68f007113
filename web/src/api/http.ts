// The one way the app talks to the server: openapi-fetch typed by the paths generated from
// docs/openapi.json (schema.d.ts), same-origin with the session cookie (the server's CSRF check
// reads the browser's Sec-Fetch-Site), JSON in and out, problem+json turned into ApiError with the
// server's stable `code`.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

type ServerProblem = components['schemas']['Problem'];

/** A refusal as the OpenAPI document describes it; the client makes its own (`network_error`, `http_<status>`) with only a code and a status. */
export type Problem = Pick<ServerProblem, 'code' | 'status'> & Partial<ServerProblem>;

export type FieldIssue = NonNullable<ServerProblem['errors']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.code);
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }
}

/**
 * The reader's language, sent as Accept-Language on every call so that catalog texts (titles,
 * synopses, ticket types) and the server's refusals come in it, and a guest booking stores it.
 * Set by the I18nProvider whenever the language changes.
 */
let requestLanguage = 'en';
export function setRequestLanguage(lang: string): void {
  requestLanguage = lang;
}
/** The header for the few calls made with `fetch` itself (downloads, a guest's token). */
export const languageHeader = (): { 'accept-language': string } => ({ 'accept-language': requestLanguage });

/** Server time minus local time, learnt from the Date header, so countdowns match `expiresAt`. */
let serverOffsetMs = 0;
export const serverNow = (): number => Date.now() + serverOffsetMs;

const unauthorizedListeners = new Set<() => void>();
/** Called whenever the server says the session is gone (401), so the app can forget the user. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function learnClock(res: Response, sentAt: number): void {
  const date = res.headers.get('date');
  if (!date) return;
  const server = Date.parse(date);
  if (Number.isNaN(server)) return;
  // The header has whole seconds; only correct skews the rounding cannot explain.
  const local = (sentAt + Date.now()) / 2;
  const offset = server + 500 - local;
  serverOffsetMs = Math.abs(offset) > 1500 ? offset : 0;
}

const isJson = (res: Response) => (res.headers.get('content-type') ?? '').includes('json');

/** The problem+json of a refusal (or `http_<status>` when the body is not one), as an ApiError. */
export async function problemOf(res: Response): Promise<ApiError> {
  const body: unknown = isJson(res) ? await res.json().catch(() => undefined) : undefined;
  const problem = (
    body && typeof body === 'object' && 'code' in body ? body : { code: `http_${res.status}` }
  ) as Problem;
  problem.status = res.status;
  return new ApiError(problem);
}

/**
 * What openapi-fetch sends through: a network failure is ApiError network_error (an abort stays an
 * AbortError), a refusal is thrown as ApiError, so callers only ever see the answer's data.
 */
async function transport(request: Request): Promise<Response> {
  if (!request.headers.has('accept-language')) request.headers.set('accept-language', requestLanguage);
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(request);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  learnClock(res, sentAt);
  if (!res.ok) {
    const error = await problemOf(res);
    // A wrong password at sign-in is a 401 too, but says nothing about the session.
    if (res.status === 401 && error.code !== 'invalid_credentials') for (const l of unauthorizedListeners) l();
    throw error;
  }
  // A success that is not JSON reads as no data (openapi-fetch would try to parse it).
  return res.status === 204 || isJson(res) ? res : new Response(null, { status: res.status });
}

/** Query strings from the defined, non-empty values only (an empty search box sends no `q`). */
function querySerializer(query: Record<string, unknown>): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
}

/** The typed client: `client.GET('/api/v1/movies/{id}', { params: { path: { id } } })`. */
export const client = createClient<paths>({
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  fetch: transport,
  querySerializer,
});

/** The data of a call; refusals have already been thrown by the transport. */
export async function data<T>(call: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await call).data as T;
}

/** A fresh random key for one payment attempt (works outside secure contexts too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
