import { type Static, Type } from 'typebox';
import { Cursor, Image, Limit, Nullable, Page, Uuid } from './catalog.schemas.ts';

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Bio = Type.String({ maxLength: 10_000 });

export const CreatePersonBody = Type.Object({ name: Name, bio: Type.Optional(Bio) }, { additionalProperties: false });
export const UpdatePersonBody = Type.Object(
  { name: Type.Optional(Name), bio: Type.Optional(Bio) },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof UpdatePersonBody>;

export const PeopleQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
});

export const Person = Type.Object({
  id: Uuid,
  name: Type.String(),
  photoUrl: Nullable(Type.String()),
  photo: Nullable(Image),
  bio: Type.String(),
  movies: Type.Array(Type.Object({ movieId: Uuid, title: Type.String(), role: Type.String() })),
});
export type PersonView = Static<typeof Person>;
export const PersonSummary = Type.Object({ id: Uuid, name: Type.String(), photoUrl: Nullable(Type.String()) });
export const PeoplePage = Page(PersonSummary);
