// The wallet module's error codes.
import { AppError } from '../../platform/errors.ts';

/** This box office has no credentials for that wallet: the offer is not made. */
export const walletNotConfigured = (wallet: 'apple' | 'google') =>
  new AppError(
    'not_found',
    'wallet_not_configured',
    `${wallet === 'apple' ? 'Apple Wallet passes are' : 'Google Wallet links are'} not offered here`,
  );

/** A PassKit web service request without the pass's own token (Apple's devices send `ApplePass <token>`). */
export const passTokenRefused = () =>
  new AppError('unauthorized', 'pass_token_invalid', 'Send the pass\'s authentication token as "ApplePass <token>"');
