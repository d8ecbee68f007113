// The webhooks module's error codes: stable, documented in the README (issue 19).
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';

export const endpointNotFound = () => notFound('The webhook endpoint', 'not_found');
export const deliveryNotFound = () => notFound('The webhook delivery', 'not_found');

/**
 * The target is not one the box office may call: not http(s), credentials in it, or an address
 * inside the network (server-side request forgery) unless the configuration allows it.
 */
export const targetRefused = (reason: string) =>
  unprocessable('webhook_target_refused', `This webhook URL cannot be used: ${reason}`, { reason });

/** A host name that resolves to no address cannot be checked, so it is not taken. */
export const targetUnresolvable = (host: string) =>
  unprocessable('webhook_target_unresolvable', `The host ${host} does not resolve to an address`, { host });

/** Deliveries and pings go to enabled endpoints only: enable it first. */
export const endpointDisabled = () =>
  conflict('webhook_endpoint_disabled', 'This webhook endpoint is disabled; enable it first');
