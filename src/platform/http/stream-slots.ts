// Open long-lived streams (Server-Sent Events), counted per process and per client. A stream
// holds a socket, buffers and a subscription for as long as the client stays, and opening one needs
// no account: without a cap a few clients could take the process's memory. Over a cap a stream is
// refused at once (429 for one client, 503 for the whole process) with a Retry-After. A client is
// its network as rate limits count it (an IPv6 client by its /64, which it can hop around in).
import { AppError } from '../errors.ts';
import { clientNetwork, rateLimited } from './rate-limit.ts';

const RETRY_AFTER_SECONDS = 10;

export interface StreamSlots {
  /** Takes a slot for the client at `address`, or throws 429 rate_limited / 503 stream_limit_reached; the returned release is idempotent. */
  take(address: string): () => void;
  /** Streams open now. */
  open(): number;
}

export function createStreamSlots(limits: {
  maxTotal: number;
  maxPerClient: number;
  onRefused?: (reason: 'client' | 'process') => void;
}): StreamSlots {
  const perClient = new Map<string, number>();
  let total = 0;
  return {
    take(address) {
      const client = clientNetwork(address);
      const mine = perClient.get(client) ?? 0;
      if (mine >= limits.maxPerClient) {
        limits.onRefused?.('client');
        throw rateLimited(
          RETRY_AFTER_SECONDS,
          `At most ${limits.maxPerClient} live streams per client address (IPv6: per /64); close one or try again later`,
        );
      }
      if (total >= limits.maxTotal) {
        limits.onRefused?.('process');
        throw new AppError(
          'unavailable',
          'stream_limit_reached',
          'This server has as many live streams open as it can take; try again shortly',
          {},
          RETRY_AFTER_SECONDS,
        );
      }
      perClient.set(client, mine + 1);
      total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (perClient.get(client) ?? 1) - 1;
        if (left > 0) perClient.set(client, left);
        else perClient.delete(client);
      };
    },
    open: () => total,
  };
}
