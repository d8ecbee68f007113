// Problem answers as a route's OpenAPI document shows them beside its success answer, so that a
// client sees the codes and headers it may meet. Documentation only: problem.ts sends every problem
// already serialised, so these schemas never shape an answer.
import { type Static, Type } from 'typebox';

const ProblemBody = Type.Object(
  {
    type: Type.String({ description: '`urn:marquee:problem:` and the code' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'For people; may change' }),
    code: Type.String({ description: 'Stable: what clients branch on' }),
  },
  { additionalProperties: true },
);

const RETRY_AFTER = {
  'Retry-After': { type: 'integer', minimum: 1, description: 'Seconds to wait before trying again' },
};

/** An application/problem+json answer described by `description`, with Retry-After when `retryAfter`. */
export function problemAnswer(description: string, options: { retryAfter?: boolean } = {}) {
  return Type.Unsafe<Static<typeof ProblemBody>>({
    description,
    ...(options.retryAfter ? { headers: RETRY_AFTER } : {}),
    content: { 'application/problem+json': { schema: ProblemBody } },
  });
}
