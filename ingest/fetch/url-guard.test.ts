import { describe, expect, it, vi } from "vitest";
import { parseAllowList } from "./address-guard.ts";
import { FetchError } from "./errors.ts";
import { assertFetchableUrl, type Resolver } from "./url-guard.ts";

// Never the system resolver: these tests must not even look names up.
const fakeDns = (table: Record<string, string[]>): Resolver =>
  vi.fn(async (host: string) => {
    const answer = table[host];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return answer;
  });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    const e = error as FetchError;
    expect(e.message).toMatch(/[a-zäöüß]/); // a German sentence, not a bare code
    return e.code;
  }
}

describe("assertFetchableUrl", () => {
  const dns = fakeDns({
    "kurse.example.org": ["93.184.216.34"],
    "intern.example.org": ["10.0.0.1"],
    "mixed.example.org": ["93.184.216.34", "192.168.0.5"],
  });

  it.each([
    ["http://127.0.0.1/", "BLOCKED_ADDRESS"],
    ["http://[::1]:8080/", "BLOCKED_ADDRESS"],
    ["http://[::ffff:127.0.0.1]/", "BLOCKED_ADDRESS"],
    ["http://[::ffff:a9fe:a9fe]/", "BLOCKED_ADDRESS"],
    ["http://2130706433/", "BLOCKED_ADDRESS"],
    ["http://0x7f.1/", "BLOCKED_ADDRESS"],
    ["http://0177.0.0.1/", "BLOCKED_ADDRESS"],
    ["http://0xA9FEA9FE/latest/meta-data/", "BLOCKED_ADDRESS"],
    ["http://169.254.169.254/latest/meta-data/", "BLOCKED_ADDRESS"],
    ["http://intern.example.org/feed.xml", "BLOCKED_ADDRESS"],
    ["http://mixed.example.org/feed.xml", "BLOCKED_ADDRESS"],
    ["http://nirgendwo.example.org/", "DNS_FAILURE"],
    ["file:///etc/passwd", "INVALID_URL"],
    ["ftp://kurse.example.org/", "INVALID_URL"],
    ["http://user:geheim@kurse.example.org/", "INVALID_URL"],
    ["kein url", "INVALID_URL"],
    ["https://kurse.example.org/kurse.ics", "OK"],
    ["http://93.184.216.34/", "OK"],
  ])("%s → %s", async (url, expected) => {
    expect(await codeOf(assertFetchableUrl(url, [], dns))).toBe(expected);
  });

  it("lets allow-listed host:port through without resolving", async () => {
    const resolver = fakeDns({});
    const allow = parseAllowList("127.0.0.1:4000,intern.example.org");
    await expect(assertFetchableUrl("http://127.0.0.1:4000/x", allow, resolver)).resolves.toBeInstanceOf(URL);
    expect(await codeOf(assertFetchableUrl("http://127.0.0.1:4001/x", allow, resolver))).toBe("BLOCKED_ADDRESS");
    await expect(assertFetchableUrl("http://intern.example.org/", allow, resolver)).resolves.toBeInstanceOf(URL);
    expect(resolver).not.toHaveBeenCalled();
  });

  it("marks DNS errors worth retrying", async () => {
    const flaky: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" });
    };
    await expect(assertFetchableUrl("http://kurse.example.org/", [], flaky)).rejects.toMatchObject({
      code: "DNS_FAILURE",
      retryable: true,
    });
  });
});
