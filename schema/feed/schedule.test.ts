import { describe, expect, it } from "vitest";
import { expandField, scheduleProblems } from "./schedule.ts";
import { PROVIDER_FEED_KINDS } from "./feed-kind.ts";
import { FEED_KINDS } from "../../ingest/adapters/types.ts";

describe("scheduleProblems", () => {
  it.each(["0 5 * * *", "*/15 * * * *", "0,30 6-18 * * 1-5", "45 */2 * * *", "10-59/20 * * * *"])(
    "accepts %s",
    (schedule) => {
      expect(scheduleProblems(schedule)).toEqual([]);
    },
  );

  it.each([
    ["*/5 * * * *", /zu häufig/],
    ["* * * * *", /zu häufig/],
    ["0,10 * * * *", /zu häufig/],
    ["0,50 * * * *", /zu häufig/], // 50 → 0 of the next hour is ten minutes
    ["0 */5 * * * *", /fünf Felder/],
    ["täglich", /fünf Felder/],
    ["99 5 * * *", /kein gültiger Cron/],
  ])("refuses %s", (schedule, message) => {
    expect(scheduleProblems(schedule).join(" ")).toMatch(message);
  });
});

describe("expandField", () => {
  it("reads lists, ranges and steps", () => {
    expect(expandField("0-30/15,45", 0, 59)).toEqual([0, 15, 30, 45]);
    expect(expandField("x", 0, 59)).toBeNull();
  });
});

it("offers exactly ingest's feed kinds", () => {
  expect([...PROVIDER_FEED_KINDS]).toEqual([...FEED_KINDS]);
});
