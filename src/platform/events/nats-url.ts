// NATS_URL may carry credentials (`nats://TOKEN@host:4222`, `nats://user:pass@host:4222`), but
// nats.js drops the user part of a server URL and authenticates only with the token/user/pass
// options: a server requiring auth would refuse every process. So the URL is split here.
import type { ConnectionOptions } from 'nats';

/** Connection options for one NATS URL: the server as host:port, its credentials as options. */
export function natsConnectOptions(url: string): Pick<ConnectionOptions, 'servers' | 'token' | 'user' | 'pass'> {
  const parsed = new URL(url);
  const servers = `${parsed.protocol}//${parsed.host}`;
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  if (!user && !pass) return { servers };
  // A user part alone is a token (what nats-server --auth expects, and the NATS CLI's URL form).
  if (!pass) return { servers, token: user };
  return { servers, user, pass };
}
