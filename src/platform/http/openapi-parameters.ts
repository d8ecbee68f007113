// Query parameters as clients must send them. A TypeBox property with a default but no Optional
// lands in `required` of the query schema, so @fastify/swagger marks the parameter required,
// although validation fills the default in when it is missing: the document would make generated
// clients (the web app's) send what the server does not need.

type OpenApiParameter = { in?: string; required?: boolean; schema?: { default?: unknown } };

/** Marks every query parameter that has a default as optional. */
export function documentDefaultsOptional<T extends { paths?: Record<string, Record<string, unknown> | undefined> }>(
  doc: T,
): T {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item ?? {})) {
      const parameters = (op as { parameters?: OpenApiParameter[] } | null)?.parameters;
      if (!Array.isArray(parameters)) continue;
      for (const p of parameters)
        if (p.in === 'query' && p.required && p.schema?.default !== undefined) p.required = false;
    }
  }
  return doc;
}
