import { describe, expect, it } from "vitest";
import { parseTeachingUnits, unitsFromDescription } from "./units.ts";

describe("parseTeachingUnits", () => {
  it.each([
    ["16 UE", 16],
    ["16 Unterrichtseinheiten", 16],
    ["12 WSt.", 12],
    ["6 Wochenstunden", 6],
    ["3 Zeitstunden", 4],
    ["3 Stunden", 4],
    ["2,5 Std.", 3.5],
    ["2 Tage à 6 WSt.", 12],
    ["4 Abende à 3 UE", 12],
    ["8 Unterrichtseinheiten à 45 Minuten", 8],
    ["90 Minuten", 2],
    ["4,5 UE", 4.5],
    ["8", 8],
  ])("%s → %d", (text, units) => {
    expect(parseTeachingUnits({ teachingUnitsText: text })).toEqual({ units, warnings: [], raw: null });
  });

  it.each(["1 Tag", "ganztägig", "siehe Ausschreibung"])("does not guess from %s", (text) => {
    const r = parseTeachingUnits({ teachingUnitsText: text });
    expect(r.units).toBeNull();
    expect(r.warnings[0]).toMatch(/^Unterrichtseinheiten nicht lesbar/);
    expect(r.raw).toBe(text);
  });

  it("passes a stated number through", () => {
    expect(parseTeachingUnits({ teachingUnits: 16, teachingUnitsText: "zwei Tage" }).units).toBe(16);
  });

  it("is null when nothing is stated", () => {
    expect(parseTeachingUnits({})).toEqual({ units: null, warnings: [], raw: null });
  });
});

describe("unitsFromDescription", () => {
  it.each([
    ["Planung und Moderation. Umfang: 8 Unterrichtseinheiten à 45 Minuten.", 8],
    ["Neuerungen im Vergaberecht. Umfang: 8 UE.", 8],
    ["Vier Abende à 3 UE", 12],
    ["4 Abende à 3 UE, jeweils dienstags", 12],
    ["Wir treffen uns 3 Stunden lang.", null],
    ["Ein Tag für Ehrenamtliche", null],
  ])("%s", (text, units) => {
    expect(unitsFromDescription(text)).toBe(units);
  });
});
