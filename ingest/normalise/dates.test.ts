import { describe, expect, it } from "vitest";
import { normaliseSessionDraft, parseGermanDates, resolveSessions } from "./dates.ts";

const REF = new Date("2026-11-01T09:00:00Z");
type Row = [text: string, sessions: [start: string, end: string | null, allDay?: boolean][]];

const PROSE: Row[] = [
  ["Do., 18. März 2027, 14–17:30 Uhr", [["2027-03-18T14:00:00+01:00", "2027-03-18T17:30:00+01:00"]]],
  ["18.03.2027", [["2027-03-18T00:00:00+01:00", "2027-03-18T23:59:00+01:00", true]]],
  ["18.03.27", [["2027-03-18T00:00:00+01:00", "2027-03-18T23:59:00+01:00", true]]],
  ["18.–19.03.2027", [["2027-03-18T00:00:00+01:00", "2027-03-19T23:59:00+01:00", true]]],
  ["18. bis 20. März 2027", [["2027-03-18T00:00:00+01:00", "2027-03-20T23:59:00+01:00", true]]],
  ["18.03. – 20.03.2027", [["2027-03-18T00:00:00+01:00", "2027-03-20T23:59:00+01:00", true]]],
  ["18.03.2027, 9:00 - 16:30 Uhr", [["2027-03-18T09:00:00+01:00", "2027-03-18T16:30:00+01:00"]]],
  ["18.03.2027, 9 bis 16 Uhr", [["2027-03-18T09:00:00+01:00", "2027-03-18T16:00:00+01:00"]]],
  ["Do 18.03.2027 14.00–17.30 Uhr", [["2027-03-18T14:00:00+01:00", "2027-03-18T17:30:00+01:00"]]],
  ["Fr., 16. Juli 2027, ab 18 Uhr", [["2027-07-16T18:00:00+02:00", null]]],
  [
    "Mo, 3.5.2027 und Mi, 5.5.2027",
    [
      ["2027-05-03T00:00:00+02:00", "2027-05-03T23:59:00+02:00", true],
      ["2027-05-05T00:00:00+02:00", "2027-05-05T23:59:00+02:00", true],
    ],
  ],
  [
    "Termine: 12.04.2027, 26.04.2027, 10.05.2027 jeweils 18–20 Uhr",
    [
      ["2027-04-12T18:00:00+02:00", "2027-04-12T20:00:00+02:00"],
      ["2027-04-26T18:00:00+02:00", "2027-04-26T20:00:00+02:00"],
      ["2027-05-10T18:00:00+02:00", "2027-05-10T20:00:00+02:00"],
    ],
  ],
  [
    "18.–19.03.2027, jeweils 9–16 Uhr",
    [
      ["2027-03-18T09:00:00+01:00", "2027-03-18T16:00:00+01:00"],
      ["2027-03-19T09:00:00+01:00", "2027-03-19T16:00:00+01:00"],
    ],
  ],
  ["Di., 5. Jan. 2027, 10:00 Uhr", [["2027-01-05T10:00:00+01:00", null]]],
  ["Fr. 3. Sept. 2027 9-12 Uhr", [["2027-09-03T09:00:00+02:00", "2027-09-03T12:00:00+02:00"]]],
  ["18. Maerz 2027", [["2027-03-18T00:00:00+01:00", "2027-03-18T23:59:00+01:00", true]]],
  ["Donnerstag, 11. Februar 2027, 15:00 bis 17:00 Uhr", [["2027-02-11T15:00:00+01:00", "2027-02-11T17:00:00+01:00"]]],
  // the change to summer time lies inside this range
  ["27.03. bis 29.03.2027", [["2027-03-27T00:00:00+01:00", "2027-03-29T23:59:00+02:00", true]]],
  ["28.12. – 3.1.2028", [["2027-12-28T00:00:00+01:00", "2028-01-03T23:59:00+01:00", true]]],
  ["So, 31.10.2027, 22–2 Uhr", [["2027-10-31T22:00:00+01:00", "2027-11-01T02:00:00+01:00"]]],
  [
    "Mo, 3.5.2027, 9–12 Uhr und Mi, 5.5.2027, 14–17 Uhr",
    [
      ["2027-05-03T09:00:00+02:00", "2027-05-03T12:00:00+02:00"],
      ["2027-05-05T14:00:00+02:00", "2027-05-05T17:00:00+02:00"],
    ],
  ],
  ["vom 18.03.2027, 9 Uhr, bis 19.03.2027, 13 Uhr", [["2027-03-18T09:00:00+01:00", "2027-03-19T13:00:00+01:00"]]],
  [
    "18.03.2027 – 19.03.2027, 9:00 Uhr – 16:00 Uhr",
    [
      ["2027-03-18T09:00:00+01:00", "2027-03-18T16:00:00+01:00"],
      ["2027-03-19T09:00:00+01:00", "2027-03-19T16:00:00+01:00"],
    ],
  ],
  ["am 2027-06-02", [["2027-06-02T00:00:00+02:00", "2027-06-02T23:59:00+02:00", true]]],
];

const expand = (rows: Row[1]) => rows.map(([start, end, allDay]) => ({ start, end, allDay: allDay ?? false }));

describe("parseGermanDates", () => {
  it.each(PROSE)("%s", (text, expected) => {
    const result = parseGermanDates(text, REF);
    expect(result.sessions).toEqual(expand(expected));
    expect(result.warnings).toEqual([]);
  });

  it.each([
    // reference 2026-11-01: 10 October is within the 30 days of tolerance, March lies ahead
    ["10.10.", "2026-10-10T00:00:00+02:00"],
    ["18. März", "2027-03-18T00:00:00+01:00"],
    ["15.09.", "2027-09-15T00:00:00+02:00"],
  ])("takes a missing year from the reference date: %s", (text, start) => {
    expect(parseGermanDates(text, REF).sessions[0]?.start).toBe(start);
  });

  it("takes a missing year from another date of the same text", () => {
    const result = parseGermanDates("12.01., 26.01. und 9.02.2029, jeweils 18–20 Uhr", REF);
    expect(result.sessions.map((s) => s.start)).toEqual([
      "2029-01-12T18:00:00+01:00",
      "2029-01-26T18:00:00+01:00",
      "2029-02-09T18:00:00+01:00",
    ]);
  });

  it.each(["demnächst", "nach Vereinbarung", "9 bis 16 Uhr", "31.02.2027"])(
    "warns and emits nothing for %s",
    (text) => {
      const result = parseGermanDates(text, REF);
      expect(result.sessions).toEqual([]);
      expect(result.warnings[0]).toMatch(/^Datum nicht lesbar/);
    },
  );
});

describe("weekday check", () => {
  it("keeps the date but warns when the weekday does not fit", () => {
    const r = parseGermanDates("Fr., 18. März 2027, 14 Uhr", REF);
    expect(r.sessions[0]?.start).toBe("2027-03-18T14:00:00+01:00");
    expect(r.warnings).toEqual(["Wochentag passt nicht zum Datum: „Fr., 18. März 2027“"]);
  });

  it.each(["Do., 18. März 2027", "Donnerstag, den 18.03.2027", "So 28.03.2027"])("accepts %s", (text) => {
    expect(parseGermanDates(text, REF).warnings).toEqual([]);
  });
});

describe("normaliseSessionDraft", () => {
  it.each([
    [
      { start: "2027-03-18T14:00:00+01:00", end: "2027-03-18T17:30:00+01:00" },
      "2027-03-18T14:00:00+01:00",
      "2027-03-18T17:30:00+01:00",
      false,
    ],
    [{ start: "2027-03-18T13:00:00Z" }, "2027-03-18T14:00:00+01:00", null, false],
    [
      { start: "2027-07-01T09:00", end: "2027-07-01T12:00" },
      "2027-07-01T09:00:00+02:00",
      "2027-07-01T12:00:00+02:00",
      false,
    ],
    [{ start: "2027-05-03" }, "2027-05-03T00:00:00+02:00", "2027-05-03T23:59:00+02:00", true],
    [
      { start: "2027-05-03", end: "2027-05-05", allDay: true },
      "2027-05-03T00:00:00+02:00",
      "2027-05-05T23:59:00+02:00",
      true,
    ],
  ])("%j", (draft, start, end, allDay) => {
    expect(normaliseSessionDraft(draft)).toEqual({ start, end, allDay });
  });

  it("rejects what is not ISO", () => {
    expect(normaliseSessionDraft({ start: "irgendwann" })).toBeNull();
  });
});

describe("resolveSessions", () => {
  it("prefers structured sessions and keeps unreadable ones raw", () => {
    const r = resolveSessions({ sessions: [{ start: "2027-03-18T09:00" }, { start: "kaputt" }] }, REF);
    expect(r.sessions).toHaveLength(1);
    expect(r.warnings).toEqual(["Datum nicht lesbar: „kaputt“"]);
    expect(r.rawDate).toBe("kaputt");
  });

  it("adds the times of a separate text to all-day dates", () => {
    const r = resolveSessions(
      { sessions: [{ start: "2027-06-02", end: "2027-06-03", allDay: true }], dateText: "09:00-16:00" },
      REF,
    );
    expect(r.sessions).toEqual([
      { start: "2027-06-02T09:00:00+02:00", end: "2027-06-02T16:00:00+02:00", allDay: false },
      { start: "2027-06-03T09:00:00+02:00", end: "2027-06-03T16:00:00+02:00", allDay: false },
    ]);
  });

  it("keeps unreadable prose in raw", () => {
    const r = resolveSessions({ sessions: [], dateText: "Termin folgt" }, REF);
    expect(r.sessions).toEqual([]);
    expect(r.rawDate).toBe("Termin folgt");
    expect(r.warnings).toHaveLength(1);
  });
});
