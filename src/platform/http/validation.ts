// Bodies are validated strictly (no type coercion, unknown fields refused); query strings and
// path parameters arrive as text, so those are coerced to the declared types.
//
// Both validators and response serializers are compiled on a route's first use, not at start-up:
// compiling every route's schemas was ≈ 30 % of `npm start` (issue 18, profile in bench-18.md),
// and most routes of a running box office are never called between two restarts.
import { createRequire } from 'node:module';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, useDefaults: true, removeAdditional: false, strict: false, ...options });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv;
}

type LazyValidate = ((data: unknown, ctx?: unknown) => boolean) & {
  errors?: ValidateFunction['errors'];
  schemaEnv?: unknown;
};

/** The route's ajv validator, compiled on its first call (same function, same errors). */
export function validatorCompiler(): FastifySchemaCompiler<unknown> {
  const bodyAjv = makeAjv({ coerceTypes: false });
  const textAjv = makeAjv({ coerceTypes: 'array' });
  return ({ schema, httpPart }) => {
    let validate: ValidateFunction | undefined;
    const lazy: LazyValidate = (data, ctx) => {
      validate ??= (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object);
      const ok = validate(data, ctx as never) as boolean;
      lazy.errors = validate.errors;
      return ok;
    };
    // Fastify passes the parent object (so ajv can set defaults on the root) only to ajv functions.
    lazy.schemaEnv = true;
    return lazy;
  };
}

type Serialize = (data: unknown) => string;
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: { schema: unknown }) => Serialize;

// Fastify's own response serializer compiler (fast-json-stringify), from Fastify's dependencies.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const SerializerSelector = fromFastify('@fastify/fast-json-stringify-compiler') as () => SerializerFactory;

/** Fastify's serializer factory, each route's serializer built on its first answer. */
export function lazySerializerFactory(): SerializerFactory {
  const build = SerializerSelector();
  return (externalSchemas, options) => {
    const compile = build(externalSchemas, options);
    return (route) => {
      let serialize: Serialize | undefined;
      return (data) => (serialize ??= compile(route))(data);
    };
  };
}
