import { describe, expect, it } from "vitest";
import { isAllowed, isBlockedAddress, parseAllowList, parseIPv6 } from "./address-guard.ts";

describe("isBlockedAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.10",
    "169.254.169.254",
    "100.64.0.1",
    "100.100.100.200",
    "0.0.0.0",
    "224.0.0.1",
    "240.0.0.1",
    "255.255.255.255",
    "198.18.0.1",
    "192.0.2.5",
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "fd00:ec2::254",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::127.0.0.1",
    "64:ff9b::10.0.0.1",
    "64:ff9b::a9fe:a9fe",
    "64:ff9b:1::1",
    "2002:0a00:0001::1",
    "2001:db8::1",
    "2001::1",
    "[::1]",
    "localhost",
    "not-an-ip",
    "",
  ])("blocks %s", (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each([
    "93.184.216.34",
    "8.8.8.8",
    "172.32.0.1",
    "100.128.0.1",
    "2a00:1450:4001:81c::2003",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:0808:0808::1",
  ])("allows public %s", (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });
});

describe("parseIPv6", () => {
  it("expands :: and embedded IPv4", () => {
    expect(Array.from(parseIPv6("::ffff:1.2.3.4") ?? [])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
    expect(parseIPv6("1::2::3")).toBeNull();
  });
});

describe("allow list", () => {
  const list = parseAllowList(" 127.0.0.1:8080, localhost , [::1]:9000,Feeds.Example.org.");
  it("parses host[:port] entries", () => {
    expect(list).toEqual([
      { host: "127.0.0.1", port: 8080 },
      { host: "localhost" },
      { host: "::1", port: 9000 },
      { host: "feeds.example.org" },
    ]);
  });
  it("matches host and port", () => {
    expect(isAllowed("http://127.0.0.1:8080/feed", list)).toBe(true);
    expect(isAllowed("http://127.0.0.1:8081/feed", list)).toBe(false);
    expect(isAllowed("http://localhost:1234/", list)).toBe(true);
    expect(isAllowed("http://[::1]:9000/", list)).toBe(true);
    expect(isAllowed("http://[0:0:0:0:0:0:0:1]:9000/", list)).toBe(true);
    expect(isAllowed("https://feeds.example.org/", list)).toBe(true);
    expect(isAllowed("http://2130706433:8080/", list)).toBe(true); // same address, other spelling
    expect(isAllowed("http://10.0.0.1:8080/", list)).toBe(false);
  });
  it("rejects malformed entries with a German message", () => {
    expect(() => parseAllowList("host:99999")).toThrow(/HUB_ALLOW_HOSTS/);
    expect(() => parseAllowList("a b:1")).not.toThrow(); // host names are not validated beyond the form
    expect(parseAllowList(undefined)).toEqual([]);
  });
});
