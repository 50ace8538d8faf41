import { describe, expect, it } from "vitest";
import { allDistricts, districtByKey, fuzzyMunicipality, regions } from "./gazetteer.ts";
import { resolvePlace, splitAddress } from "./place.ts";

type Row = [
  label: string,
  input: Parameters<typeof resolvePlace>[0],
  expected: {
    municipality: string | null;
    municipalityKey?: string | null;
    districtKey: string | null;
    regionKey: string | null;
    region?: string | null;
  },
];

const ROWS: Row[] = [
  [
    "postcode and locality",
    { location: { postalCode: "73087", locality: "Bad Boll" } },
    {
      municipality: "Bad Boll",
      municipalityKey: "08117012",
      districtKey: "08117",
      regionKey: "081",
      region: "Stuttgart",
    },
  ],
  [
    "postcode shared by two municipalities",
    { location: { postalCode: "73087", locality: "Zell unter Aichelberg" } },
    { municipality: "Zell unter Aichelberg", municipalityKey: "08117060", districtKey: "08117", regionKey: "081" },
  ],
  [
    "city alone",
    { location: { locality: "Stuttgart" } },
    { municipality: "Stuttgart", municipalityKey: "08111000", districtKey: "08111", regionKey: "081" },
  ],
  [
    "prose with postcode",
    { locationText: "Hospitalhof Stuttgart, Büchsenstr. 33, 70174 Stuttgart" },
    { municipality: "Stuttgart", districtKey: "08111", regionKey: "081" },
  ],
  [
    "Freiburg im Breisgau",
    { locationText: "79098 Freiburg im Breisgau" },
    { municipality: "Freiburg im Breisgau", districtKey: "08311", regionKey: "083", region: "Freiburg" },
  ],
  [
    "Freiburg i. Br.",
    { location: { locality: "Freiburg i. Br." } },
    { municipality: "Freiburg i. Br.", districtKey: "08311", regionKey: "083" },
  ],
  [
    "Ulm",
    { location: { locality: "Ulm" } },
    { municipality: "Ulm", districtKey: "08421", regionKey: "084", region: "Tübingen" },
  ],
  [
    "Stadtkreis Karlsruhe",
    { location: { locality: "Karlsruhe" } },
    { municipality: "Karlsruhe", districtKey: "08212", regionKey: "082" },
  ],
  [
    "Landkreis Karlsruhe",
    { locationText: "Landkreis Karlsruhe" },
    { municipality: null, districtKey: "08215", regionKey: "082" },
  ],
  [
    "city district",
    { location: { locality: "Stuttgart-Bad Cannstatt" } },
    { municipality: "Stuttgart", districtKey: "08111", regionKey: "081" },
  ],
  [
    "a.N.",
    { location: { locality: "Rottenburg a.N." } },
    { municipality: "Rottenburg a.N.", districtKey: "08416", regionKey: "084" },
  ],
  [
    "am Neckar without postcode",
    { location: { locality: "Esslingen am Neckar" } },
    { municipality: "Esslingen am Neckar", districtKey: "08116", regionKey: "081" },
  ],
  [
    "hyphenated town",
    { locationText: "Franziskaner, Rietgasse 2, 78050 Villingen-Schwenningen" },
    { municipality: "Villingen-Schwenningen", districtKey: "08326", regionKey: "083" },
  ],
  [
    "Ortsteil named with postcode",
    { location: { postalCode: "70563", locality: "Stuttgart-Vaihingen" } },
    { municipality: "Stuttgart", districtKey: "08111", regionKey: "081" },
  ],
  [
    "place name at the end of a segment",
    { locationText: "Rathaus Ulm" },
    { municipality: "Ulm", districtKey: "08421", regionKey: "084" },
  ],
  [
    "umlaut spelled out",
    { location: { locality: "Tuebingen" } },
    { municipality: "Tübingen", districtKey: "08416", regionKey: "084" },
  ],
  [
    "bracketed qualifier",
    { location: { postalCode: "74722", locality: "Buchen (Odenwald)" } },
    { municipality: "Buchen (Odenwald)", districtKey: "08225", regionKey: "082" },
  ],
  [
    "bracketed qualifier without postcode",
    { location: { locality: "Rheinfelden (Baden)" } },
    { municipality: "Rheinfelden (Baden)", districtKey: "08336", regionKey: "083" },
  ],
  [
    "postcode shared with a neighbour (Kreis inferred)",
    { location: { postalCode: "76297", locality: "Stutensee" } },
    { municipality: "Stutensee", municipalityKey: null, districtKey: "08215", regionKey: "082" },
  ],
  [
    "postcode only",
    { location: { postalCode: "74653" } },
    { municipality: null, districtKey: "08126", regionKey: "081" },
  ],
];

describe("resolvePlace", () => {
  it.each(ROWS)("%s", (_label, input, expected) => {
    const { location } = resolvePlace(input);
    expect(location).not.toBeNull();
    expect(location).toMatchObject(expected);
  });

  it("keeps places outside Baden-Württemberg with null BW keys and a note", () => {
    const r = resolvePlace({ location: { postalCode: "80331", locality: "München" } });
    expect(r.location).toMatchObject({
      postalCode: "80331",
      municipality: "München",
      districtKey: null,
      regionKey: null,
      municipalityKey: null,
    });
    expect(r.warnings.join(" ")).toMatch(/außerhalb Baden-Württembergs/);
  });

  it("says when a Kreis was inferred from neighbouring postcodes", () => {
    expect(resolvePlace({ location: { postalCode: "76297", locality: "Stutensee" } }).warnings).toEqual([
      "Kreis aus benachbarten Postleitzahlen abgeleitet",
    ]);
  });

  it("splits prose addresses", () => {
    expect(splitAddress("Familienzentrum, Keltergasse 47, 74653 Künzelsau")).toEqual({
      name: "Familienzentrum",
      street: "Keltergasse 47",
      postalCode: "74653",
      locality: "Künzelsau",
    });
  });

  it.each([
    [{ locationText: "online (Zoom)" }, true, false],
    [{ locationText: "Videokonferenz über Webex" }, true, false],
    [{ locationText: "Digital" }, true, false],
    [{ locationText: "Präsenz und online: Rathaus Ulm" }, true, true],
    [{ locationText: "hybrid" }, true, true],
    [{ locationText: "Rathaus Ulm oder online" }, true, true],
    [{ locationText: "online und in Stuttgart" }, true, true],
    [{ locationText: "Online und digital" }, true, false],
    [{ attendance: "ONLINE" as const }, true, false],
    [{ attendance: "MIXED" as const, location: { locality: "Ulm" } }, true, true],
    [{ location: { locality: "Ulm" }, attendance: "OFFLINE" as const }, false, false],
    [{ locationText: "Team-Raum, Rathaus Ulm" }, false, false],
  ])("attendance %j", (input, online, hybrid) => {
    const r = resolvePlace(input);
    expect([r.online, r.hybrid]).toEqual([online, hybrid]);
  });

  it("gives no location for online only", () => {
    expect(resolvePlace({ locationText: "online (Zoom)" }).location).toBeNull();
  });

  it.each(["nach Absprache.", "Ort wird noch bekannt gegeben", "bei Ihnen vor Ort"])(
    "takes %s as no place yet, without a warning",
    (text) => {
      expect(resolvePlace({ locationText: text })).toEqual({
        location: null,
        online: false,
        hybrid: false,
        warnings: [],
      });
    },
  );

  it("warns on an unknown place", () => {
    const r = resolvePlace({ locationText: "Irgendwo im Nirgendwo" });
    expect(r.warnings.length).toBeGreaterThan(0);
  });
});

describe("gazetteer", () => {
  it("has the 44 districts of Baden-Württemberg in 4 regions", () => {
    const all = allDistricts();
    expect(all).toHaveLength(44);
    expect(all.filter((d) => d.kind === "Stadtkreis")).toHaveLength(9);
    expect(regions().map((r) => r.key)).toEqual(["081", "082", "083", "084"]);
    expect(all.every((d) => d.latitude !== null && d.region !== "")).toBe(true);
  });

  it("looks districts up by key", () => {
    expect(districtByKey("08117")).toMatchObject({
      name: "Göppingen",
      kind: "Landkreis",
      regionKey: "081",
      region: "Stuttgart",
    });
    expect(districtByKey("08212")).toMatchObject({ name: "Karlsruhe", kind: "Stadtkreis" });
    expect(districtByKey("09162")).toBeNull();
  });

  it.each([
    ["Tübignen", "08416041"],
    ["Reutlngen", "08415061"],
    ["Friedrichshafn", "08435016"],
    ["Heidelberg", "08221000"],
  ])("fuzzyMunicipality(%s)", (name, ags) => {
    expect(fuzzyMunicipality(name)?.ags).toBe(ags);
  });

  it("finds nothing for nonsense", () => {
    expect(fuzzyMunicipality("Xyzzyplotz")).toBeNull();
  });
});
