// Schemas for answers on hot paths, written so fast-json-stringify compiles them to plain type checks.
// It serialises every `anyOf` (what `Type.Union` emits, also for `X | null` and for a union of
// literals) by running ajv on the value to pick the branch: ≈ 4 % of a hold's CPU went there
// (issue 18). `type: [t, 'null']` and `enum` say the same in JSON Schema (OpenAPI 3.1) and compile
// to a `=== null` test and nothing at all.
import { type Static, type TSchema, Type, type TUnsafe } from 'typebox';

/** `schema` or null, as `type: [its type, 'null']`; `schema` must have one `type` (no union, no $ref). */
export function OrNull<T extends TSchema>(
  schema: T,
  options: { description?: string } = {},
): TUnsafe<Static<T> | null> {
  const type = (schema as { type?: unknown }).type;
  if (typeof type !== 'string') throw new Error('OrNull: the schema needs one `type`');
  return Type.Unsafe<Static<T> | null>({ ...schema, ...options, type: [type, 'null'] });
}

/** One of these strings, as `type: 'string', enum: [...]` (what a union of literals means). */
export function OneOf<const V extends readonly [string, ...string[]]>(
  values: V,
  options: { description?: string } = {},
): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ ...options, type: 'string', enum: [...values] });
}
