// The one way the app talks to the server: same-origin fetch with the session cookie, JSON in and
// out, problem+json turned into ApiError with the server's stable `code`.

export interface FieldIssue {
  path: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: FieldIssue[];
  seatIds?: string[];
  [extra: string]: unknown;
}

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

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

/** Calls the API; resolves with the JSON body (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  learnClock(res, sentAt);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await res.json().catch(() => undefined) : undefined;
  if (!res.ok) {
    const problem = (body && typeof body === 'object' && 'code' in body ? body : { code: `http_${res.status}` }) as Problem;
    problem.status = res.status;
    // A wrong password at sign-in is a 401 too, but says nothing about the session.
    if (res.status === 401 && problem.code !== 'invalid_credentials') for (const l of unauthorizedListeners) l();
    throw new ApiError(problem);
  }
  return body as T;
}

/** A fresh random key for one payment attempt (works outside secure contexts too). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Query string from the defined values only. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  if (entries.length === 0) return '';
  return `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}
