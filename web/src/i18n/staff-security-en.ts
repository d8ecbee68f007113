// The staff console's words for the second-factor requirement (issue 19) in English.
export const staffSecurityEn = {
  'staff.security.title': 'Sign-in security',
  'staff.security.require': 'Require a second factor for staff and admin',
  'staff.security.requireHint':
    'Staff and admins without an authenticator app or passkey can then only sign in to set one up.',
  'staff.security.saved': 'Saved.',
} as const;
