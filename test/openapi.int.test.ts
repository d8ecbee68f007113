// The committed OpenAPI document (docs/openapi.json) is what the code generates: regenerate it
// with `npm run openapi` after changing a route or schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatDocument, generateOpenApiDocument, OPENAPI_FILE } from '../src/platform/http/openapi-document.ts';

// Generating the document builds the whole app; every test below only reads it, so one build
// serves them all (a frozen copy, so a test that tried to change it would fail loudly).
let generatedDoc: Promise<unknown> | undefined;
const openApiDocument = (): Promise<unknown> => (generatedDoc ??= generateOpenApiDocument().then(deepFreeze));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

test('docs/openapi.json agrees with the code', async () => {
  const generated = formatDocument(await openApiDocument());
  const committed = readFileSync(OPENAPI_FILE, 'utf8');
  assert.ok(generated === committed, 'docs/openapi.json is stale: run `npm run openapi` and commit it');
});

test('every API.md route is documented', async () => {
  const doc = (await openApiDocument()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  assert.equal(doc.openapi, '3.1.0');
  const expected: [string, string][] = [
    ['post', '/api/v1/auth/register'],
    ['post', '/api/v1/auth/login'],
    ['post', '/api/v1/auth/logout'],
    ['get', '/api/v1/auth/sessions'],
    ['delete', '/api/v1/auth/sessions/{id}'],
    ['post', '/api/v1/auth/verify-email'],
    ['post', '/api/v1/auth/password-reset'],
    ['post', '/api/v1/auth/password-reset/confirm'],
    ['get', '/api/v1/me'],
    ['patch', '/api/v1/me'],
    ['post', '/api/v1/me/password'],
    ['delete', '/api/v1/me'],
    ['patch', '/api/v1/users/{id}'],
    ['get', '/api/v1/movies'],
    ['get', '/api/v1/movies/{id}'],
    ['get', '/api/v1/people/{id}'],
    ['get', '/api/v1/cities'],
    ['get', '/api/v1/cinemas'],
    ['get', '/api/v1/cinemas/{id}'],
    ['get', '/api/v1/cinemas/{id}/halls'],
    ['get', '/api/v1/halls/{id}'],
    ['get', '/api/v1/showtimes'],
    ['get', '/api/v1/showtimes/{id}'],
    ['get', '/api/v1/showtimes/{id}/seats'],
    ['get', '/api/v1/showtimes/{id}/seats/events'],
    ['post', '/api/v1/movies'],
    ['patch', '/api/v1/movies/{id}'],
    ['delete', '/api/v1/movies/{id}'],
    ['put', '/api/v1/movies/{id}/poster'],
    ['put', '/api/v1/movies/{id}/backdrop'],
    ['put', '/api/v1/people/{id}/photo'],
    ['post', '/api/v1/cinemas'],
    ['patch', '/api/v1/cinemas/{id}'],
    ['post', '/api/v1/cinemas/{id}/halls'],
    ['post', '/api/v1/showtimes'],
    ['post', '/api/v1/showtimes/{id}/cancel'],
    ['post', '/api/v1/bookings'],
    ['get', '/api/v1/bookings'],
    ['get', '/api/v1/bookings/{id}'],
    ['delete', '/api/v1/bookings/{id}'],
    ['post', '/api/v1/bookings/{id}/payments'],
    ['post', '/api/v1/bookings/{id}/cancel'],
    ['get', '/api/v1/bookings/{id}/tickets'],
    ['get', '/api/v1/tickets/{id}/qr.svg'],
    ['get', '/api/v1/bookings/{id}/tickets.pdf'],
    ['post', '/api/v1/checkins'],
    ['get', '/api/v1/showtimes/{id}/report'],
    ['post', '/api/v1/payments/webhooks/{provider}'],
  ];
  const missing = expected
    .filter(([method, route]) => !doc.paths[route]?.[method])
    .map(([m, r]) => `${m.toUpperCase()} ${r}`);
  assert.deepEqual(missing, [], `routes of API.md missing from the OpenAPI document: ${missing.join(', ')}`);
});

test('every unsafe operation documents the Idempotency-Key header, and no safe one does', async () => {
  const doc = (await openApiDocument()) as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
  };
  const hasKey = (op: { parameters?: { name: string; in: string }[] }) =>
    (op.parameters ?? []).some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
  let unsafe = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method)) continue;
      const expected = ['post', 'put', 'patch', 'delete'].includes(method);
      if (expected) unsafe++;
      assert.equal(hasKey(op), expected, `${method.toUpperCase()} ${path}`);
    }
  }
  assert.ok(unsafe > 20, `only ${unsafe} unsafe operations found`);
});

test('the refusals added by issue 12 are documented on their routes, with Retry-After where they send it', async () => {
  type Response = { description?: string; headers?: Record<string, unknown>; content?: Record<string, unknown> };
  type Operation = { description?: string; responses?: Record<string, Response> };
  const doc = (await openApiDocument()) as {
    info: { description?: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const answers: [method: string, route: string, status: string, code: string, retryAfter: boolean][] = [
    ['patch', '/api/v1/users/{id}', '409', 'last_admin', false],
    ['delete', '/api/v1/me', '409', 'last_admin', false],
    ['get', '/api/v1/movies', '429', 'rate_limited', true],
    ['get', '/api/v1/movies', '503', 'server_busy', true],
    ['get', '/api/v1/people', '429', 'rate_limited', true],
    ['get', '/api/v1/people', '503', 'server_busy', true],
    ['get', '/api/v1/showtimes/{id}/seats/events', '429', 'rate_limited', true],
    ['get', '/api/v1/showtimes/{id}/seats/events', '503', 'stream_limit_reached', true],
    ['post', '/api/v1/auth/login', '429', 'rate_limited', true],
  ];
  const wrong: string[] = [];
  for (const [method, route, status, code, retryAfter] of answers) {
    const answer = doc.paths[route]?.[method]?.responses?.[status];
    const where = `${method.toUpperCase()} ${route} ${status} ${code}`;
    if (!answer?.description?.includes(`\`${code}\``)) wrong.push(`${where}: not described`);
    else if (!answer.content?.['application/problem+json']) wrong.push(`${where}: not problem+json`);
    else if (retryAfter !== Boolean(answer.headers?.['Retry-After']))
      wrong.push(`${where}: Retry-After ${retryAfter ? 'missing' : 'not sent'}`);
  }
  assert.deepEqual(wrong, []);
  assert.match(doc.paths['/api/v1/auth/login']?.post?.description ?? '', /`device` cookie/);
  assert.match(
    doc.paths['/api/v1/auth/password-reset']?.post?.responses?.['202']?.description ?? '',
    /past the 3 reset mails an hour/,
  );
  assert.match(
    doc.paths['/api/v1/bookings/{id}/payments']?.post?.description ?? '',
    /booking_not_payable.*reason released/,
  );
  assert.match(doc.info.description ?? '', /503 `service_unavailable` with `Retry-After`.*REQUEST_DEADLINE_MS/);
});

// The web app's types and client are generated from this document (npm run web-api-types).
test('clients are told the shape of every JSON answer and need not send defaulted parameters', async () => {
  type Schema = Record<string, unknown>;
  type Operation = {
    parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
    responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  };
  const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
  const shapeless: string[] = [];
  // A schema that says nothing (Type.Any, Type.Unknown) or an object open to anything.
  const walk = (s: unknown, where: string): void => {
    if (typeof s !== 'object' || s === null) return;
    const schema = s as Schema;
    const says = ['type', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', '$ref'].some((k) => k in schema);
    if (!says) shapeless.push(where);
    if (schema.type === 'object' && schema.additionalProperties === true && !schema.properties)
      shapeless.push(`${where} (open object)`);
    for (const [k, v] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) walk(v, `${where}.${k}`);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
      if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach((v, i) => walk(v, `${where}|${i}`));
    if (schema.items) walk(schema.items, `${where}[]`);
  };
  const defaultedRequired: string[] = [];
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, answer] of Object.entries(op.responses ?? {})) {
        const json = answer.content?.['application/json'];
        if (status.startsWith('2') && json) walk(json.schema, `${method.toUpperCase()} ${route} ${status}`);
      }
      for (const p of op.parameters ?? [])
        if (p.required && p.schema?.default !== undefined)
          defaultedRequired.push(`${method.toUpperCase()} ${route} ${p.name}`);
    }
  }
  assert.deepEqual(shapeless, []);
  assert.deepEqual(defaultedRequired, []);
});

test('every refusal is typed by the one Problem schema', async () => {
  type Answer = { content?: Record<string, { schema?: { $ref?: string } }> };
  const doc = (await openApiDocument()) as {
    paths: Record<string, Record<string, { responses?: Record<string, Answer> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  assert.ok(doc.components.schemas.Problem?.properties?.code, 'components.schemas.Problem has a code');
  let operations = 0;
  for (const [route, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      operations++;
      const responses = op.responses ?? {};
      assert.ok(responses.default, `${method} ${route} documents a default problem answer`);
      for (const [status, answer] of Object.entries(responses)) {
        const problem = answer.content?.['application/problem+json'];
        if (problem) assert.equal(problem.schema?.$ref, '#/components/schemas/Problem', `${method} ${route} ${status}`);
      }
    }
  }
  assert.ok(operations > 50);
});
