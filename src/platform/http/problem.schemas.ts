// Problem answers as the OpenAPI document shows them: one `Problem` component (RFC 9457 with our
// stable `code` and the extension members clients branch on), referenced by every route's
// documented refusals and by a `default` answer on every operation, so generated clients (the web
// app's) type a refusal from it. Documentation only: problem.ts sends every problem already
// serialised, so these schemas never shape an answer.
import { type Static, Type } from 'typebox';

const FieldIssue = Type.Object(
  {
    path: Type.String({ description: 'JSON Pointer to the field, e.g. `/seatIds/0`' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

const ProblemBody = Type.Object(
  {
    type: Type.String({ description: '`urn:marquee:problem:` and the code' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'For people; may change' }),
    code: Type.String({ description: 'Stable: what clients branch on' }),
    errors: Type.Optional(Type.Array(FieldIssue, { description: '422 `validation_failed`: each field at fault' })),
    reason: Type.Optional(Type.String({ description: 'A finer cause, where the code has several' })),
    seatIds: Type.Optional(Type.Array(Type.String(), { description: '409 `seats_unavailable`: the seats taken' })),
    retryAfter: Type.Optional(Type.Integer({ description: 'Seconds to wait, as in the Retry-After header' })),
  },
  { additionalProperties: true },
);

export type ProblemDocument = Static<typeof ProblemBody>;

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

const RETRY_AFTER = {
  'Retry-After': { type: 'integer', minimum: 1, description: 'Seconds to wait before trying again' },
};

/** An application/problem+json answer described by `description`, with Retry-After when `retryAfter`. */
export function problemAnswer(description: string, options: { retryAfter?: boolean } = {}) {
  return Type.Unsafe<ProblemDocument>({
    description,
    ...(options.retryAfter ? { headers: RETRY_AFTER } : {}),
    content: { 'application/problem+json': { schema: ProblemBody } },
  });
}

type OpenApiDocument = {
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: { schemas?: Record<string, unknown> };
};
type Answer = { content?: Record<string, { schema?: unknown }> };

/**
 * Puts the Problem schema in `components` and points every problem+json answer at it (the routes'
 * schemas carry it inline, as Fastify needs them), and gives every operation a `default` answer:
 * any route may refuse with a problem (400, 422, 429, 503) besides the ones it lists.
 */
export function documentProblems<T extends OpenApiDocument>(doc: T): T {
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, Problem: ProblemBody };
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const responses = (op as { responses?: Record<string, Answer> } | null)?.responses;
      if (!responses) continue;
      for (const answer of Object.values(responses)) {
        const problem = answer.content?.['application/problem+json'];
        if (problem) problem.schema = PROBLEM_REF;
      }
      responses.default ??= {
        description: 'A refusal, as application/problem+json with a stable `code`',
        content: { 'application/problem+json': { schema: PROBLEM_REF } },
      } as Answer;
    }
  }
  return doc;
}
