import { describe, expect, it } from "vitest";
import { TEST_MUNICIPALITIES } from "./fixtures/test-support.ts";
import {
  bestMunicipality,
  editDistance,
  haversineKm,
  normalisePlaceName,
  postcodeMunicipality,
  type MunicipalityRow,
} from "./places.ts";

const rows: MunicipalityRow[] = [
  ...TEST_MUNICIPALITIES.map((m) => ({ ...m, regionKey: "081", norm: normalisePlaceName(m.name) })),
  {
    key: "08136088",
    name: "Ammertal",
    districtKey: "08136",
    regionKey: "081",
    latitude: null,
    longitude: null,
    norm: "ammertal",
  },
];

describe("place names", () => {
  it("measures edit distance with an early exit", () => {
    expect(editDistance("goepingen", "goeppingen")).toBe(1);
    expect(editDistance("ulm", "ulm")).toBe(0);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it.each([
    ["Göpingen", "Göppingen"],
    ["goeppingen", "Göppingen"],
    ["Freiburg", "Freiburg im Breisgau"],
    ["Geislingen", "Geislingen an der Steige"],
    ["Stutgart", "Stuttgart"],
    ["KARLSRUHE", "Karlsruhe"],
  ])("%s → %s", (query, name) => {
    expect(bestMunicipality(rows, query)?.name).toBe(name);
  });

  it("finds nothing for a name far from every municipality", () => {
    expect(bestMunicipality(rows, "Xyzabcdorf")).toBeNull();
    expect(bestMunicipality(rows, "  ")).toBeNull();
  });

  it("finds a stored short name for a long locality (Freiburg im Breisgau → Freiburg)", () => {
    const short = [{ ...rows[4]!, name: "Freiburg", norm: "freiburg" }];
    expect(bestMunicipality(short, "Freiburg im Breisgau")?.name).toBe("Freiburg");
  });

  it("resolves postcodes through their localities; unknown postcodes give null", () => {
    expect(postcodeMunicipality(rows, "73033")?.name).toBe("Göppingen");
    expect(postcodeMunicipality(rows, "79098")?.name).toBe("Freiburg im Breisgau");
    expect(postcodeMunicipality(rows, "00000")).toBeNull();
  });

  it("computes great-circle distances (Göppingen–Stuttgart ≈ 35 km)", () => {
    expect(haversineKm(48.7035, 9.6527, 48.7758, 9.1829)).toBeGreaterThan(33);
    expect(haversineKm(48.7035, 9.6527, 48.7758, 9.1829)).toBeLessThan(37);
  });
});
