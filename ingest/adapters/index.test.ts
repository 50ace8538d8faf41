import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ADAPTERS, adapterFor, detectKind, MIN_CONFIDENCE } from "./index.ts";
import { FEED_KINDS, type FeedInput, type FeedKind } from "./types.ts";
import { notesWorkbook, programmeWorkbook } from "./xlsx/fixtures/workbooks.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

function fixture(folder: string, name: string): FeedInput {
  const bytes = new Uint8Array(readFileSync(path.join(here, folder, "fixtures", name)));
  return { url: `file:${name}`, text: new TextDecoder().decode(bytes), bytes };
}

/** Fixtures that are whole documents of their kind (the empty ones say nothing about kind). */
function documents(folder: string, kind: FeedKind, exclude: RegExp): [string, FeedKind][] {
  return readdirSync(path.join(here, folder, "fixtures"))
    .filter((name) => !exclude.test(name) && !name.endsWith(".ts"))
    .map((name) => [`${folder}/fixtures/${name}`, kind]);
}

const CASES: [string, FeedKind][] = [
  ...documents("csv", "CSV", /^leer\./),
  ...documents("ical", "ICAL", /^(leer|kaputt)\./),
  ...documents("openqcat", "OPENQCAT", /^(leer|kein-qcat|entity-angriff)\./),
];

describe("detectKind", () => {
  it.each(CASES)("%s is %s", (file, kind) => {
    const [folder = "", , name = ""] = file.split("/");
    expect(detectKind(fixture(folder, name))).toMatchObject({ kind });
  });

  it.each([
    ["programme workbook", programmeWorkbook],
    ["workbook without table", notesWorkbook],
  ])("%s is XLSX", async (_name, build) => {
    const bytes = await build();
    expect(detectKind({ url: "https://www.example.de/export", text: "", bytes })).toMatchObject({ kind: "XLSX" });
  });

  it("falls back on transport hints only when there is no content", () => {
    const empty = { text: "", bytes: new Uint8Array() };
    expect(detectKind({ ...empty, url: "https://x.de/termine.ics" })).toEqual({ kind: "ICAL", confidence: 0.35 });
    expect(
      detectKind({ ...empty, url: "https://x.de/a", contentType: "text/csv; charset=windows-1252" }),
    ).toMatchObject({
      kind: "CSV",
    });
    expect(detectKind({ ...empty, url: "https://x.de/a" })).toBeNull();
  });

  it("answers null below the threshold", () => {
    const text = "Nur ein Satz ohne Struktur.";
    const result = detectKind({ url: "https://x.de/a", text, bytes: new TextEncoder().encode(text) });
    expect(result === null || result.confidence >= MIN_CONFIDENCE).toBe(true);
  });
});

describe("ADAPTERS", () => {
  it.each(FEED_KINDS.map((k) => [k]))("has an adapter of kind %s", (kind) => {
    expect(adapterFor(kind).kind).toBe(kind);
    expect(ADAPTERS[kind]).toBe(adapterFor(kind));
  });
});

// The hub's evaluation feeds live beside the repository; they are not copied into it.
const devFeeds = path.resolve(here, "../../../shared/eval/dev-feeds");
const hasShared = existsSync(path.join(devFeeds, "gold.json"));
const FORMAT_KINDS: Record<string, FeedKind> = {
  "events-jsonld": "JSONLD",
  "course-jsonld": "JSONLD",
  ics: "ICAL",
  rss: "RSS",
  csv: "CSV",
};

describe.skipIf(!hasShared)("detectKind on the dev feeds (needs ../shared/eval)", () => {
  it("names every dev feed's format", () => {
    const gold = JSON.parse(readFileSync(path.join(devFeeds, "gold.json"), "utf8")) as {
      providers: { slug: string; format: string }[];
    };
    for (const provider of gold.providers) {
      const [file] = readdirSync(path.join(devFeeds, provider.slug));
      const bytes = new Uint8Array(readFileSync(path.join(devFeeds, provider.slug, file ?? "")));
      const input = { url: `https://example.de/${file}`, text: new TextDecoder().decode(bytes), bytes };
      expect({ slug: provider.slug, kind: detectKind(input)?.kind }).toEqual({
        slug: provider.slug,
        kind: FORMAT_KINDS[provider.format],
      });
    }
  });
});

if (!hasShared) {
  describe("detectKind on the dev feeds", () => {
    it.skip(`skipped: ${devFeeds} is absent`, () => {});
  });
}
