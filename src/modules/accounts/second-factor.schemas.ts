// TypeBox schemas of the two-factor API (issue 19): TOTP, recovery codes, passkeys, the second step
// of a sign-in and the admin's requirement.
import { Type } from 'typebox';

const Code = Type.String({ minLength: 1, maxLength: 20, description: 'The 6-digit code your authenticator app shows' });
const RecoveryCode = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'One of your recovery codes (xxxxx-xxxxx; case, spaces and dashes do not matter)',
});
const Password = Type.String({ maxLength: 1024 });
const PasskeyName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\p{Cc}\\p{Cs}]*\\S[^\\p{Cc}\\p{Cs}]*$' });
/** A WebAuthn answer as @simplewebauthn/browser gives it (JSON, base64url fields); checked by the server. */
const WebAuthnJson = (description: string) =>
  Type.Object({ id: Type.String({ maxLength: 1024 }) }, { additionalProperties: true, description });
const RecoveryCodes = Type.Array(Type.String(), {
  description: 'Ten recovery codes, shown this once: each signs in once in place of a code',
});

export const SecondFactorStatus = Type.Object({
  totp: Type.Union([Type.Literal('off'), Type.Literal('pending'), Type.Literal('enabled')], {
    description: '`pending`: a secret was made but not confirmed with a code yet (it does not count)',
  }),
  recoveryCodesLeft: Type.Integer({ description: 'Unused recovery codes' }),
  passkeys: Type.Integer({ description: 'Passkeys registered (staff and admin only)' }),
  required: Type.Boolean({ description: 'An admin requires staff and admin accounts to have a second factor' }),
  enrolmentOnly: Type.Boolean({
    description: 'This session may only set up a second factor (then every route opens to it)',
  }),
});

export const TotpEnrolment = Type.Object({
  secret: Type.String({ description: 'Base32, for typing into an app that cannot scan' }),
  uri: Type.String({ description: 'otpauth://totp/… URI' }),
  qrCode: Type.String({ description: 'The URI as a QR code: a data: URL of a PNG image' }),
});
export const CodeBody = Type.Object({ code: Code }, { additionalProperties: false });
export const ReauthBody = Type.Object(
  { password: Type.Optional(Password), code: Type.Optional(Code) },
  { additionalProperties: false, description: 'Your password, or a current code from your authenticator app' },
);
export const RecoveryCodesAnswer = Type.Object({ recoveryCodes: RecoveryCodes });
export const EnrolledAnswer = Type.Object({
  recoveryCodes: Type.Optional(RecoveryCodes),
});

export const Passkey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const PasskeyList = Type.Object({ items: Type.Array(Passkey) });
export const PasskeyOptions = Type.Object({
  ceremony: Type.String({ description: 'Send back with the answer; valid 5 minutes, once' }),
  options: Type.Object(
    {},
    {
      additionalProperties: true,
      description: 'PublicKeyCredentialCreationOptionsJSON for navigator.credentials.create()',
    },
  ),
});
export const PasskeyRegisterBody = Type.Object(
  {
    ceremony: Type.String({ minLength: 1, maxLength: 200 }),
    response: WebAuthnJson('RegistrationResponseJSON from the browser'),
    name: PasskeyName,
  },
  { additionalProperties: false },
);
export const PasskeyRegistered = Type.Object({ passkey: Passkey, recoveryCodes: Type.Optional(RecoveryCodes) });
export const PasskeyPatch = Type.Object({ name: PasskeyName }, { additionalProperties: false });

export const SecondFactorLoginBody = Type.Object(
  {
    challenge: Type.String({ minLength: 1, maxLength: 200, description: 'From the second_factor_required answer' }),
    code: Type.Optional(Code),
    recoveryCode: Type.Optional(RecoveryCode),
    passkey: Type.Optional(WebAuthnJson('AuthenticationResponseJSON from navigator.credentials.get()')),
  },
  { additionalProperties: false, description: 'The challenge and exactly one of code, recoveryCode and passkey' },
);

export const SecuritySettings = Type.Object(
  {
    requireSecondFactorForStaff: Type.Boolean({
      description:
        'Staff and admin accounts must have a second factor: one without signs in only to set one up (every other route answers 403 second_factor_enrolment_required)',
    }),
  },
  { additionalProperties: false },
);
