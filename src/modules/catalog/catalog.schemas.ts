// Schema pieces every catalog route shares: ids, list paging, nullable fields, images.
import { type TSchema, Type } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
export const Cursor = Type.String({ maxLength: 500 });

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'Pass as ?cursor= for the next page; null on the last one' })),
  });

export const Image = Type.Object({
  width: Type.Integer(),
  height: Type.Integer(),
  variants: Type.Array(Type.Object({ width: Type.Integer(), format: Type.Enum(['webp', 'jpeg']), url: Type.String() })),
});

/** Where admin routes state their guard in the OpenAPI document. */
export const adminSecurity: { [name: string]: string[] }[] = [{ bearer: [] }, { cookie: [] }];
