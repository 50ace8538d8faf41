/**
 * Which IP addresses the hub may connect to, and which hosts are exempt (HUB_ALLOW_HOSTS).
 * Pure: no DNS, no sockets. Anything that is not a parseable IP is treated as blocked
 * (fail closed).
 */
import { isIP } from "node:net";

/** [first address, prefix length, why] — IPv4 ranges that are not the public internet. */
const BLOCKED_V4: ReadonlyArray<readonly [string, number, string]> = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT (also Alibaba metadata 100.100.100.200)"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local, cloud metadata 169.254.169.254"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "deprecated 6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved, broadcast"],
];

/**
 * IPv6 ranges inside global unicast 2000::/3 that are still not public. Everything
 * outside 2000::/3 (loopback, unspecified, fc00::/7 unique-local incl. fd00:ec2::254,
 * fe80::/10 link-local, ff00::/8 multicast) is blocked wholesale, except the forms that
 * embed an IPv4 address, which are judged by that address (see EMBEDDED_V4).
 */
const BLOCKED_V6_IN_GLOBAL: ReadonlyArray<readonly [string, number, string]> = [
  ["2001::", 32, "Teredo (tunnels an obfuscated IPv4 client)"],
  ["2001:2::", 48, "benchmarking"],
  ["2001:10::", 28, "ORCHID"],
  ["2001:20::", 28, "ORCHIDv2"],
  ["2001:db8::", 32, "documentation"],
  ["3fff::", 20, "documentation"],
];

/** IPv6 forms that carry an IPv4 address: [prefix, prefix length, byte offset of the IPv4]. */
const EMBEDDED_V4: ReadonlyArray<readonly [string, number, number]> = [
  ["::ffff:0:0", 96, 12], // IPv4-mapped
  ["64:ff9b::", 96, 12], // NAT64 well-known prefix
  ["2002::", 16, 2], // 6to4
];

/** Blocked whatever they embed. */
const BLOCKED_V6_EXTRA: ReadonlyArray<readonly [string, number, string]> = [
  ["::", 96, "IPv4-compatible (deprecated), unspecified, loopback"],
  ["64:ff9b:1::", 48, "local-use NAT64"],
  ["fd00:ec2::254", 128, "AWS metadata over IPv6"],
];

/** Parses dotted-decimal IPv4 (the form DNS and the WHATWG URL parser produce) to 4 bytes. */
export function parseIPv4(ip: string): Uint8Array | null {
  const parts = ip.split(".");
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (const [i, part] of parts.entries()) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    bytes[i] = n;
  }
  return bytes;
}

/** Parses an IPv6 address (brackets and zone id tolerated, trailing dotted IPv4 allowed) to 16 bytes. */
export function parseIPv6(input: string): Uint8Array | null {
  let ip = input.startsWith("[") && input.endsWith("]") ? input.slice(1, -1) : input;
  const zone = ip.indexOf("%");
  if (zone >= 0) ip = ip.slice(0, zone);
  if (isIP(ip) !== 6) return null;

  const words: number[] = [];
  const [head = "", tail] = ip.split("::") as [string, string | undefined];
  const toWords = (part: string): number[] | null => {
    if (part === "") return [];
    const out: number[] = [];
    for (const group of part.split(":")) {
      if (group.includes(".")) {
        const v4 = parseIPv4(group);
        if (!v4) return null;
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        out.push(parseInt(group, 16));
      }
    }
    return out;
  };
  const headWords = toWords(head);
  const tailWords = tail === undefined ? [] : toWords(tail);
  if (!headWords || !tailWords) return null;
  const fill = tail === undefined ? 0 : 8 - headWords.length - tailWords.length;
  words.push(...headWords, ...new Array<number>(fill).fill(0), ...tailWords);
  if (words.length !== 8) return null;

  const bytes = new Uint8Array(16);
  for (const [i, word] of words.entries()) {
    bytes[i * 2] = word >> 8;
    bytes[i * 2 + 1] = word & 0xff;
  }
  return bytes;
}

function inPrefix(bytes: Uint8Array, prefix: Uint8Array, bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[byte] ?? 0) & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

// Parse the tables once; a malformed entry is a programming error and fails at import.
function compile(
  table: ReadonlyArray<readonly [string, number, ...unknown[]]>,
  parse: (ip: string) => Uint8Array | null,
) {
  return table.map(([ip, bits]) => {
    const prefix = parse(ip);
    if (!prefix) throw new Error(`address-guard: bad table entry ${ip}`);
    return { prefix, bits };
  });
}
const V4 = compile(BLOCKED_V4, parseIPv4);
const V6_GLOBAL = compile(BLOCKED_V6_IN_GLOBAL, parseIPv6);
const V6_EXTRA = compile(BLOCKED_V6_EXTRA, parseIPv6);
const V6_EMBEDDED = EMBEDDED_V4.map(([ip, bits, offset]) => ({ ...compile([[ip, bits]], parseIPv6)[0]!, offset }));
const GLOBAL_UNICAST = compile([["2000::", 3]], parseIPv6)[0]!;

function isBlockedV4(bytes: Uint8Array): boolean {
  return V4.some(({ prefix, bits }) => inPrefix(bytes, prefix, bits));
}

function isBlockedV6(bytes: Uint8Array): boolean {
  for (const { prefix, bits, offset } of V6_EMBEDDED) {
    if (inPrefix(bytes, prefix, bits)) return isBlockedV4(bytes.subarray(offset, offset + 4));
  }
  if (V6_EXTRA.some(({ prefix, bits }) => inPrefix(bytes, prefix, bits))) return true;
  if (!inPrefix(bytes, GLOBAL_UNICAST.prefix, GLOBAL_UNICAST.bits)) return true;
  return V6_GLOBAL.some(({ prefix, bits }) => inPrefix(bytes, prefix, bits));
}

/** True when `ip` must not be connected to: loopback, private, link-local, metadata, reserved… or not an IP at all. */
export function isBlockedAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) return isBlockedV4(v4);
  const v6 = parseIPv6(ip);
  if (v6) return isBlockedV6(v6);
  return true;
}

/** One HUB_ALLOW_HOSTS entry; without `port` every port of the host is allowed. */
export interface AllowEntry {
  host: string;
  port?: number;
}
export type AllowList = readonly AllowEntry[];

/** Lower-case, no brackets around IPv6, no trailing dot: the form hosts are compared in. */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h.endsWith(".")) h = h.slice(0, -1);
  // Compare IPv6 in the same canonical form the URL parser produces.
  if (isIP(h) === 6) {
    try {
      h = new URL(`http://[${h}]/`).hostname.slice(1, -1);
    } catch {
      // keep as written
    }
  }
  return h;
}

/**
 * Parses "host[:port],host[:port]" (IPv6 as "[::1]:8080"). Throws an Error (German) for
 * entries that cannot be read, so a typo in the environment fails at start-up.
 */
export function parseAllowList(raw: string | undefined): AllowList {
  if (!raw) return [];
  const entries: AllowEntry[] = [];
  for (const item of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(item);
    const host = match?.[1];
    const port = match?.[2] === undefined ? undefined : Number(match[2]);
    if (!host || (port !== undefined && (port < 1 || port > 65535))) {
      throw new Error(`HUB_ALLOW_HOSTS: Eintrag „${item}“ ist nicht im Format host[:port]`);
    }
    entries.push(port === undefined ? { host: normaliseHost(host) } : { host: normaliseHost(host), port });
  }
  return entries;
}

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

/** True when the URL's host (and port, where the entry names one) is on the allow list. */
export function isAllowed(url: URL | string, allowList: AllowList): boolean {
  if (allowList.length === 0) return false;
  let parsed: URL;
  try {
    parsed = typeof url === "string" ? new URL(url) : url;
  } catch {
    return false;
  }
  const host = normaliseHost(parsed.hostname);
  const port = parsed.port ? Number(parsed.port) : DEFAULT_PORTS[parsed.protocol];
  return allowList.some((e) => e.host === host && (e.port === undefined || e.port === port));
}

/** Host-only check, for the connect-time DNS hook, which never sees the port (the URL guard checked it). */
export function isHostAllowed(hostname: string, allowList: AllowList): boolean {
  const host = normaliseHost(hostname);
  return allowList.some((e) => e.host === host);
}
