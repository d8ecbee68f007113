// TypeBox schemas of wallet passes and of the PassKit web service (Apple's protocol, its names).
import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });

export const TicketParams = Type.Object({ id: Uuid });

export const WalletOffers = Type.Object({
  apple: Type.Boolean({ description: 'Apple Wallet passes are offered (APPLE_WALLET_* configured)' }),
  google: Type.Boolean({ description: 'Google Wallet save links are offered (GOOGLE_WALLET_* configured)' }),
});

export const GoogleSaveLink = Type.Object({
  url: Type.String({
    description: 'https://pay.google.com/gp/v/save/<JWT>: opening it saves the ticket to Google Wallet',
  }),
});

export const PassDownloadParams = Type.Object({ serialNumber: Uuid });
export const PassDownloadQuery = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: "The pass's authentication token, as in the confirmation email's link",
    }),
  },
  { additionalProperties: false },
);

const DeviceLibraryIdentifier = Type.String({
  pattern: '^[A-Za-z0-9._-]{1,200}$',
  description: 'Chosen by the device',
});
const PassTypeIdentifier = Type.String({ pattern: '^pass\\.[A-Za-z0-9.-]{1,200}$' });

export const RegistrationParams = Type.Object({
  deviceLibraryIdentifier: DeviceLibraryIdentifier,
  passTypeIdentifier: PassTypeIdentifier,
  serialNumber: Uuid,
});

export const RegistrationBody = Type.Object({
  pushToken: Type.String({ minLength: 1, maxLength: 200, description: "The device's APNs token" }),
});

export const DevicePassesParams = Type.Object({
  deviceLibraryIdentifier: DeviceLibraryIdentifier,
  passTypeIdentifier: PassTypeIdentifier,
});

export const DevicePassesQuery = Type.Object({
  passesUpdatedSince: Type.Optional(
    Type.String({ pattern: '^\\d{1,15}$', description: 'The lastUpdated tag of the previous answer' }),
  ),
});

export const ChangedPasses = Type.Object({
  serialNumbers: Type.Array(Type.String(), { description: 'The passes of the device changed since the tag' }),
  lastUpdated: Type.String({ description: 'The tag to send as passesUpdatedSince next time' }),
});

export const PassParams = Type.Object({ passTypeIdentifier: PassTypeIdentifier, serialNumber: Uuid });

export const LogBody = Type.Object({
  logs: Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 100, description: 'Messages a device reports' }),
});
