// Server-side request forgery guard: a webhook may only call http(s) targets outside the box office's
// own network. Addresses inside it (private, loopback, link-local with the cloud metadata address,
// unique-local, CGNAT, multicast, reserved, and IPv4 written inside IPv6) are refused when an endpoint
// is saved AND on every delivery, where the host is resolved again and the connection goes to the
// address that was checked (the request's own lookup answers with it), so a DNS answer that changes
// between check and connect (rebinding) cannot send it inside. Operators open it by configuration:
// WEBHOOK_ALLOW_PRIVATE_TARGETS, or WEBHOOK_ALLOWED_TARGETS (host names and CIDR ranges).
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { BlockList, isIP } from 'node:net';
import { targetRefused, targetUnresolvable } from './webhooks.errors.ts';

export interface TargetPolicy {
  /** Any address may be called (development, tests, a box office whose receivers are in-house). */
  allowPrivate: boolean;
  /** Host names (lower case) called whatever they resolve to, and address ranges allowed inside. */
  allowed: { hosts: string[]; ranges: string[] };
}

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

const INTERNAL_V4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
const INTERNAL_V6 = ['::/96', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'fec0::/10', 'ff00::/8'];

function blockList(ranges: string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [net, bits] = range.split('/') as [string, string | undefined];
    const family = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    list.addSubnet(net, bits === undefined ? (family === 'ipv6' ? 128 : 32) : Number(bits), family);
  }
  return list;
}

const internalV4 = blockList(INTERNAL_V4);
const internalV6 = blockList(INTERNAL_V6);

/** The 16 bytes of an IPv6 address (zone dropped), dotted IPv4 tails included. */
function v6Bytes(address: string): number[] {
  let text = address.split('%')[0] as string;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = (dotted[1] as string).split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** An IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), which is what it reaches. */
function embeddedV4(address: string): string | null {
  const b = v6Bytes(address);
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const v4 = (at: number) => b.slice(at, at + 4).join('.');
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12);
  if (zero(0, 12)) return v4(12);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(12);
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2);
  return null;
}

/** Is this address inside the network (not one a public webhook receiver can have)? */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address.split('%')[0] as string);
  if (family === 4) return internalV4.check(address, 'ipv4');
  if (family !== 6) return true;
  const inner = embeddedV4(address);
  if (inner !== null && internalV4.check(inner, 'ipv4')) return true;
  return internalV6.check(address.split('%')[0] as string, 'ipv6');
}

export function createTargetGuard(policy: TargetPolicy, resolve: Resolve = systemResolve) {
  const allowedRanges = blockList(policy.allowed.ranges);
  const inAllowedRange = (address: string) => {
    const family = isIP(address);
    return family !== 0 && allowedRanges.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  const addressAllowed = (address: string) =>
    policy.allowPrivate || !isInternalAddress(address) || inAllowedRange(address);
  const hostAllowed = (host: string) => policy.allowPrivate || policy.allowed.hosts.includes(host.toLowerCase());

  /** The URL's target when its form is acceptable; an IP literal is checked here (it is never looked up). */
  function parse(raw: string): { url: URL; host: string; literal: boolean } {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw targetRefused('it is not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw targetRefused('only http and https are allowed');
    if (url.username || url.password) throw targetRefused('it must not carry a user name or password');
    // The URL parser has already turned decimal, octal and hex forms (http://2130706433/) into dotted ones.
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(host) !== 0;
    if (literal && !addressAllowed(host)) throw targetRefused(`${host} is an address inside the network`);
    return { url, host, literal };
  }

  /** The host's addresses, every one allowed (one inside the network is enough to refuse them all). */
  async function checkedAddresses(host: string): Promise<{ address: string; family: number }[]> {
    let found: { address: string; family: number }[];
    try {
      found = await resolve(host);
    } catch {
      throw targetUnresolvable(host);
    }
    if (found.length === 0) throw targetUnresolvable(host);
    if (!hostAllowed(host)) {
      const inside = found.find((a) => !addressAllowed(a.address));
      if (inside) throw targetRefused(`${host} resolves to ${inside.address}, an address inside the network`);
    }
    return found;
  }

  return {
    /** Refuses a URL an endpoint may not have (at registration and on change). */
    async check(raw: string): Promise<URL> {
      const target = parse(raw);
      if (!target.literal) await checkedAddresses(target.host);
      return target.url;
    },
    /**
     * The URL checked for a delivery, and the lookup its request must use: it resolves the host
     * again, checks every address and hands the connection only those, so what was checked is what
     * is connected to.
     */
    forDelivery(raw: string): { url: URL; lookup: LookupFunction } {
      const { url } = parse(raw);
      const lookup: LookupFunction = (hostname, options, callback) => {
        checkedAddresses(hostname).then(
          (found) => {
            const family = options.family === 4 || options.family === 6 ? options.family : 0;
            const usable = family === 0 ? found : found.filter((a) => a.family === family);
            const first = usable[0];
            if (!first) callback(targetUnresolvable(hostname) as NodeJS.ErrnoException, '', 0);
            else if (options.all) (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
            else callback(null, first.address, first.family);
          },
          (err: NodeJS.ErrnoException) => callback(err, '', 0),
        );
      };
      return { url, lookup };
    },
  };
}

export type TargetGuard = ReturnType<typeof createTargetGuard>;
