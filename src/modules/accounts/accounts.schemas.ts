// TypeBox schemas of the accounts API: validation, types, response serialisation and OpenAPI.
import { type Static, Type } from 'typebox';
import { languageSchema } from '../../platform/http/language.ts';

// Text fields refuse control characters and lone surrogates (PostgreSQL cannot store NUL anyway).
const PLAIN = '^[^\\p{Cc}\\p{Cs}]*$';
const EMAIL = '^\\s*[^\\s@\\p{Cc}\\p{Cs}]+@[^\\s@\\p{Cc}\\p{Cs}]+\\.[^\\s@\\p{Cc}\\p{Cs}]+\\s*$';

export const Email = Type.String({
  maxLength: 254,
  pattern: EMAIL,
  description: 'Compared case-insensitively; stored trimmed and in lower case',
});
export const Name = Type.String({ minLength: 1, maxLength: 100, pattern: PLAIN });
export const Phone = Type.Union([Type.String({ pattern: '^\\+?[0-9][0-9 ()./-]{2,30}$' }), Type.Null()]);
const NewPassword = Type.String({
  maxLength: 256,
  description: 'At least 10 characters and not a commonly used password',
});
const AnyPassword = Type.String({ maxLength: 1024 });
const MailedToken = Type.String({ minLength: 1, maxLength: 200, pattern: PLAIN });
const RoleSchema = Type.Union([Type.Literal('customer'), Type.Literal('staff'), Type.Literal('admin')]);

export const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  role: RoleSchema,
  emailVerified: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  language: languageSchema('The language of your emails, PDFs and receipts (issue 20)'),
  avatarUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'The avatar: a 128 px square WebP (issue 20), or null without one',
  }),
});
export type PublicUser = Static<typeof User>;

export const UserEnvelope = Type.Object({ user: User });
/** Who is signed in: `null` for a visitor (never a 401, which browsers log as an error). */
export const SessionAnswer = Type.Object({ user: Type.Union([User, Type.Null()]) });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: NewPassword,
    name: Name,
    language: Type.Optional(
      languageSchema("The account's language; without it, the best match of Accept-Language, else 'en'"),
    ),
  },
  { additionalProperties: false },
);
export const LoginBody = Type.Object(
  { email: Type.String({ maxLength: 320, pattern: PLAIN }), password: AnyPassword },
  { additionalProperties: false },
);
export const LoginAnswer = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: User,
  secondFactorEnrolmentRequired: Type.Optional(
    Type.Literal(true, {
      description:
        'Issue 19: an admin requires a second factor for staff and admin and this account has none: the session may only set one up (GET /api/v1/me/2fa, POST /api/v1/me/2fa/totp…, passkeys); other routes answer 403 second_factor_enrolment_required',
    }),
  ),
});

export const Session = Type.Object({
  id: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
export const SessionList = Type.Object({
  items: Type.Array(Session),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const TokenBody = Type.Object({ token: MailedToken }, { additionalProperties: false });
export const ResetRequestBody = Type.Object(
  { email: Type.String({ maxLength: 320, pattern: PLAIN }) },
  { additionalProperties: false },
);
export const ResetConfirmBody = Type.Object(
  { token: MailedToken, password: NewPassword },
  { additionalProperties: false },
);

export const ProfilePatch = Type.Object(
  { name: Type.Optional(Name), phone: Type.Optional(Phone), language: Type.Optional(languageSchema()) },
  { additionalProperties: false },
);
export const PasswordChangeBody = Type.Object(
  { currentPassword: AnyPassword, newPassword: NewPassword },
  { additionalProperties: false },
);
export const DeleteAccountBody = Type.Object({ password: AnyPassword }, { additionalProperties: false });
export const RolePatch = Type.Object({ role: RoleSchema }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};
export const UserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, pattern: PLAIN })),
  role: Type.Optional(RoleSchema),
  ...Paging,
});
export const UserList = Type.Object({ items: Type.Array(User), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** An answer without a body (202, 204): typed so that `reply.send()` takes nothing, shown in OpenAPI by `description`. */
export const NoBody = (description: string) => Type.Unsafe<undefined>({ type: 'null', description });
