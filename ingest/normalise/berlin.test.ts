import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { fromInstant, parseIso, wallIso, ZONE } from "./berlin.ts";

const luxonIso = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: true }) ?? "";

describe("berlin clock (cached offsets) agrees with luxon", () => {
  it("for instants every 37 minutes through 2027, DST switches included", () => {
    const start = Date.UTC(2027, 0, 1);
    const end = Date.UTC(2028, 0, 1);
    for (let ms = start; ms < end; ms += 37 * 60_000) {
      expect(fromInstant(ms).iso).toBe(luxonIso(DateTime.fromMillis(ms, { zone: ZONE }).startOf("minute")));
    }
  });

  it.each([
    [{ year: 2027, month: 3, day: 28 }, 90, "2027-03-28T01:30:00+01:00"],
    [
      { year: 2027, month: 3, day: 28 },
      150,
      luxonIso(DateTime.fromObject({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 }, { zone: ZONE })),
    ],
    [{ year: 2027, month: 3, day: 28 }, 240, "2027-03-28T04:00:00+02:00"],
    [{ year: 2027, month: 10, day: 31 }, 240, "2027-10-31T04:00:00+01:00"],
    [{ year: 2027, month: 12, day: 31 }, 1500, "2028-01-01T01:00:00+01:00"],
  ])("wall time %j + %d min", (day, minutes, iso) => {
    expect(wallIso(day, minutes)).toBe(iso);
  });
});

describe("parseIso", () => {
  it.each([
    ["2027-03-18", "2027-03-18T00:00:00+01:00", true],
    ["2027-03-18T14:00", "2027-03-18T14:00:00+01:00", false],
    ["2027-07-18T14:00:00", "2027-07-18T14:00:00+02:00", false],
    ["2027-03-18T13:00:00Z", "2027-03-18T14:00:00+01:00", false],
    ["2027-03-18T14:00:00+01:00", "2027-03-18T14:00:00+01:00", false],
    ["2027-03-18T09:00:00-04:00", "2027-03-18T14:00:00+01:00", false],
    ["2027-03-18T14:00:00.000+0100", "2027-03-18T14:00:00+01:00", false],
    ["2027-W11-4", "2027-03-18T00:00:00+01:00", false],
  ])("%s", (value, iso, dateOnly) => {
    expect(parseIso(value)).toMatchObject({ time: { iso }, dateOnly });
  });

  it.each(["2027-02-30", "2027-13-01", "morgen", "2027-03-18T25:00"])("rejects %s", (value) => {
    expect(parseIso(value)).toBeNull();
  });
});
