// Issue 19's calls: the caller's second factors (TOTP, recovery codes, passkeys), the second step of
// a sign-in, and the admin's requirement.
import { client, data } from './http.ts';
import type { Answer } from './types.ts';

export type SecondFactorStatus = Answer<'/api/v1/me/2fa', 'get'>;
export type Passkey = Answer<'/api/v1/me/passkeys', 'get'>['items'][number];
type SecondStep = { challenge: string; code?: string; recoveryCode?: string; passkey?: { id: string } };

/** What a `second_factor_required` refusal carries. */
export interface SignInChallenge {
  challenge: string;
  methods: ('totp' | 'passkey' | 'recovery_code')[];
  expiresAt: string;
  passkey?: unknown;
}

export const securityApi = {
  status: (signal?: AbortSignal) => data(client.GET('/api/v1/me/2fa', { signal })),
  beginTotp: () => data(client.POST('/api/v1/me/2fa/totp')),
  confirmTotp: (code: string) => data(client.POST('/api/v1/me/2fa/totp/confirm', { body: { code } })),
  disableTotp: (password: string) => data(client.DELETE('/api/v1/me/2fa/totp', { body: { password } })),
  newRecoveryCodes: (password: string) => data(client.POST('/api/v1/me/2fa/recovery-codes', { body: { password } })),
  passkeys: (signal?: AbortSignal) => data(client.GET('/api/v1/me/passkeys', { signal })).then((a) => a.items),
  passkeyOptions: () => data(client.POST('/api/v1/me/passkeys/options')),
  addPasskey: (body: { ceremony: string; response: { id: string }; name: string }) =>
    data(client.POST('/api/v1/me/passkeys', { body })),
  deletePasskey: (id: string) => data(client.DELETE('/api/v1/me/passkeys/{id}', { params: { path: { id } } })),
  secondStep: (body: SecondStep) => data(client.POST('/api/v1/auth/login/second-factor', { body })),
  settings: (signal?: AbortSignal) => data(client.GET('/api/v1/admin/security', { signal })),
  saveSettings: (requireSecondFactorForStaff: boolean) =>
    data(client.PUT('/api/v1/admin/security', { body: { requireSecondFactorForStaff } })),
};
