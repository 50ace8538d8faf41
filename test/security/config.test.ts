import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../gateway/config.ts";
import { DEFAULT_HARDENING } from "../../gateway/hardening.ts";
import { DEFAULT_RATES } from "../../gateway/rate-limit.ts";

describe("security settings from the environment", () => {
  it("defaults to the documented limits", () => {
    const { security } = loadConfig({});
    expect(security).toMatchObject(DEFAULT_HARDENING);
    expect(security.ratePublic).toEqual(DEFAULT_RATES.public);
    expect(security.rateToken).toEqual(DEFAULT_RATES.viewer);
    expect(security.sessionHours).toBe(8);
  });

  it("reads limits and rates, and lists malformed ones", () => {
    const { security } = loadConfig({
      HUB_MAX_DEPTH: "6",
      HUB_MAX_TOKENS: "500",
      HUB_RATE_PUBLIC: "2.5/10",
      HUB_SESSION_HOURS: "1",
    });
    expect(security).toMatchObject({
      maxDepth: 6,
      maxTokens: 500,
      ratePublic: { perSecond: 2.5, burst: 10 },
      sessionHours: 1,
    });
    expect(() => loadConfig({ HUB_RATE_TOKEN: "schnell", HUB_MAX_DEPTH: "0" })).toThrow(ConfigError);
    try {
      loadConfig({ HUB_RATE_TOKEN: "schnell", HUB_MAX_DEPTH: "0" });
    } catch (error) {
      expect((error as ConfigError).problems.join("\n")).toMatch(
        /HUB_RATE_TOKEN[\s\S]*HUB_MAX_DEPTH|HUB_MAX_DEPTH[\s\S]*HUB_RATE_TOKEN/,
      );
    }
  });
});
