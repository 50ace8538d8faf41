/**
 * The SSRF gate every URL passes before a request (and every redirect hop, and the
 * provider mutation `registerFeed`). The connect-time DNS hook in fetcher.ts checks
 * again at connection time, so a DNS answer that changes in between (rebinding) is
 * caught as well.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isAllowed, isBlockedAddress, normaliseHost, type AllowList } from "./address-guard.ts";
import { FetchError } from "./errors.ts";

/** Resolves a host name to all its addresses (IPv4 and IPv6). Injectable for tests. */
export type Resolver = (host: string) => Promise<string[]>;

// DNS error codes after which asking again later can succeed.
const RETRYABLE_DNS_CODES = new Set(["EAI_AGAIN", "ETIMEOUT", "ESERVFAIL", "ECONNREFUSED"]);

export const systemResolver: Resolver = async (host) => {
  const answers = await lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
};

/** Resolves with the guard's error vocabulary: DNS_FAILURE for no answer. */
export async function resolveHost(host: string, url: string, resolver: Resolver): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await resolver(host);
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    throw new FetchError("DNS_FAILURE", {
      url,
      detail: host,
      retryable: RETRYABLE_DNS_CODES.has(code),
      cause: error,
    });
  }
  if (addresses.length === 0) throw new FetchError("DNS_FAILURE", { url, detail: host });
  return addresses;
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch (error) {
    throw new FetchError("INVALID_URL", { url, cause: error });
  }
}

/**
 * Returns the parsed URL when it may be fetched: http(s) only, no credentials, and
 * neither the literal nor any resolved address blocked — unless host[:port] is on the
 * allow list. The WHATWG parser has already turned decimal, octal and hex IPv4 forms
 * (`http://2130706433/`, `http://0x7f.1/`) into dotted decimal, so checking
 * `hostname` covers them.
 */
export async function assertFetchableUrl(
  url: string,
  allowHosts: AllowList,
  resolver: Resolver = systemResolver,
): Promise<URL> {
  const parsed = parseUrl(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new FetchError("INVALID_URL", {
      url,
      detail: `Protokoll „${parsed.protocol.replace(/:$/, "")}“ wird nicht unterstützt, nur http und https (Dateien bitte hochladen)`,
    });
  }
  if (parsed.username || parsed.password) {
    throw new FetchError("INVALID_URL", { url, detail: "Zugangsdaten in der Adresse (user:pass@) sind nicht erlaubt" });
  }
  const host = normaliseHost(parsed.hostname);
  if (!host) throw new FetchError("INVALID_URL", { url, detail: "kein Servername" });
  if (isAllowed(parsed, allowHosts)) return parsed;

  if (isIP(host) !== 0) {
    if (isBlockedAddress(host)) throw new FetchError("BLOCKED_ADDRESS", { url, detail: host });
    return parsed;
  }
  const addresses = await resolveHost(host, url, resolver);
  const blocked = addresses.find(isBlockedAddress);
  if (blocked) throw new FetchError("BLOCKED_ADDRESS", { url, detail: `${host} → ${blocked}` });
  return parsed;
}
