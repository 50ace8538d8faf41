import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { FeedAdapter, FeedInput, OfferDraft, ParseResult } from "../types.ts";
import {
  buildGraphqlRequest,
  getPath,
  graphqlAdapter,
  nextCursor,
  parseGraphqlConfig,
  type GraphqlConfig,
} from "./index.ts";
import { parseGraphqlPage } from "./parse.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (name: string): string => readFileSync(path.join(here, "fixtures", name), "utf8");
const input = (text: string): FeedInput => ({
  url: "https://www.pari-bildung.example/graphql",
  text,
  bytes: new Uint8Array(),
});
const rawConfig: unknown = JSON.parse(read("config.json"));
const checked = parseGraphqlConfig(rawConfig);
if (!checked.ok) throw new Error(checked.errors.join("\n"));
const config: GraphqlConfig = checked.config;
const page = (name: string): ParseResult => parseGraphqlPage(input(read(name)), rawConfig);
const byKey = (result: ParseResult, key: string): OfferDraft => {
  const offer = result.offers.find((o) => o.sourceKey === key);
  if (!offer) throw new Error(`kein Angebot ${key}`);
  return offer;
};

const page1 = page("seite-1.json");

const cases: Array<{ name: string; key: string; expected: Partial<OfferDraft> }> = [
  {
    name: "every mapped field of a complete item, two sessions, relative link resolved",
    key: "VA-2027-0101",
    expected: {
      title: "Sozialraumorientierung in der Praxis",
      url: "https://www.pari-bildung.example/angebote/sozialraumorientierung",
      description: "<p>Grundlagen und Methoden der Sozialraumorientierung für Fachkräfte.</p>",
      sessions: [
        { start: "2027-02-09T09:00:00+01:00", end: "2027-02-09T16:00:00+01:00" },
        { start: "2027-02-23T09:00:00+01:00", end: "2027-02-23T16:00:00+01:00" },
      ],
      location: {
        name: "Paritätisches Bildungszentrum",
        street: "Haußmannstraße 6",
        postalCode: "70188",
        locality: "Stuttgart",
      },
      attendance: "OFFLINE",
      price: { amount: 240, currency: "EUR" },
      priceText: "Mitglieder 190 €",
      teachingUnits: 16,
      audienceText: ["Fachkräfte der Sozialen Arbeit", "Quartiersmanager:innen"],
      keywords: ["Sozialraum", "Gemeinwesenarbeit"],
      registrationUrl: "https://www.pari-bildung.example/anmeldung/VA-2027-0101",
      registrationDeadline: "2027-01-26",
    },
  },
  {
    name: "numeric id, online, price string without currency (feed default), units as prose, keywords as one string",
    key: "1102",
    expected: {
      sessions: [{ start: "2027-03-03T16:00", end: "2027-03-03T17:00" }],
      attendance: "ONLINE",
      price: { amount: 0, currency: "EUR" },
      teachingUnitsText: "2 UE à 30 Minuten",
      keywords: ["Förderung", "Quartiersfonds"],
    },
  },
  {
    name: "date prose and unreadable price are kept as text; 'Hybrid' is mixed",
    key: "VA-2027-0103",
    expected: { sessions: [], dateText: "Frühjahr 2027", priceText: "auf Anfrage", attendance: "MIXED" },
  },
];

describe("graphql parse: fixtures", () => {
  it.each(cases)("$name", ({ key, expected }) => {
    const offer = byKey(page1, key);
    expect(offer).toMatchObject(expected);
  });

  it("skips items without title or key and duplicates, with German warnings naming the field", () => {
    expect(page1.offers.map((o) => o.sourceKey)).toEqual(["VA-2027-0101", "1102", "VA-2027-0103", "VA-2027-0105"]);
    expect(page1.warnings).toEqual([
      {
        sourceKey: "VA-2027-0103",
        field: "sessionStart",
        message: 'Datum nicht im ISO-Format: "Frühjahr 2027" – als Text übernommen',
      },
      { sourceKey: "VA-2027-0104", field: "titel", message: "Eintrag 4: Titel fehlt – übersprungen" },
      { field: "id", message: 'Eintrag 5 ("Ohne Kennung"): Schlüssel fehlt – übersprungen' },
      { sourceKey: "VA-2027-0101", field: "id", message: "Schlüssel doppelt – zweiter Eintrag verworfen" },
      { sourceKey: "VA-2027-0105", field: "format", message: 'Unbekannte Angabe zur Teilnahmeform: "irgendwie"' },
      { sourceKey: "VA-2027-0105", field: "termine", message: "Kein Termin angegeben" },
    ]);
    expect(page1.complete).toBe(true);
  });

  it("reads the last page and stops paging there", () => {
    const page2 = page("seite-2.json");
    expect(page2.offers).toMatchObject([
      {
        sourceKey: "VA-2027-0201",
        sessions: [{ start: "2027-05-20", end: "2027-05-20", allDay: true }],
        location: { locality: "Mannheim" },
      },
    ]);
    expect(nextCursor(input(read("seite-1.json")), config)).toBe("Y3Vyc29yOjc=");
    expect(nextCursor(input(read("seite-2.json")), config)).toBeNull();
  });

  it("turns partial errors into warnings and marks the page incomplete", () => {
    const result = page("teilfehler.json");
    expect(result.offers.map((o) => o.sourceKey)).toEqual(["VA-2027-0301"]);
    expect(result.warnings[0]).toEqual({
      field: "veranstaltungen.edges.0.node.preis",
      message: "GraphQL-Fehler des Anbieters: Feld 'preis' vorübergehend nicht verfügbar",
    });
    expect(result.complete).toBe(false);
  });

  it.each([
    [
      "fehler.json",
      [
        "GraphQL-Fehler des Anbieters: Nicht autorisiert: API-Schlüssel ungültig",
        "GraphQL-Antwort ohne Daten (data) – keine Angebote gelesen",
      ],
    ],
  ])("%s: zero offers and the provider's errors", (file, messages) => {
    const result = page(file);
    expect(result.offers).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual(messages);
  });

  it.each([
    ["<html>Wartung</html>", "GraphQL-Antwort ist kein gültiges JSON"],
    ["[1, 2]", "GraphQL-Antwort ist kein JSON-Objekt"],
    ['{"data": {"andere": []}}', 'Keine Liste unter "veranstaltungen.edges.node" in der Antwort gefunden'],
  ])("bad content %j gives a warning, no exception", (text, message) => {
    const result = parseGraphqlPage(input(text), rawConfig);
    expect(result.offers).toEqual([]);
    expect(result.warnings[0]?.message).toContain(message);
  });
});

describe("graphql config", () => {
  it.each([
    [{ ...(rawConfig as object), query: "query { x " }, "query: GraphQL-Abfrage nicht lesbar"],
    [{ ...(rawConfig as object), query: "mutation { loeschen }" }, "query: Nur eine Abfrage (query) ist erlaubt"],
    [
      { ...(rawConfig as object), query: "query { veranstaltungen { edges { node { id } } } }" },
      "pagination.variable: Die Abfrage deklariert die Blätter-Variable $after nicht",
    ],
    [{ ...(rawConfig as object), fields: { sourceKey: "id", title: "titel", tippfehler: "x" } }, "fields"],
  ])("rejects %#", (raw, message) => {
    const result = parseGraphqlConfig(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toContain(message);
  });

  it("a bad config costs the page, not the process", () => {
    const result = graphqlAdapter.parse(input(read("seite-1.json")), {
      query: "query { x }",
      itemsPath: "",
      fields: { sourceKey: "id", title: "t" },
    });
    expect(result).toMatchObject({ offers: [], complete: false });
  });

  it("defaults maxPages and currency", () => {
    expect(config.pagination?.maxPages).toBe(10);
    expect(config.defaultCurrency).toBe("EUR");
  });
});

describe("graphql request and paths", () => {
  it("builds the POST body with variables and the cursor", () => {
    const request = buildGraphqlRequest(config, "Y3Vyc29yOjc=");
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request.body)).toEqual({
      query: config.query,
      variables: { region: "BW", after: "Y3Vyc29yOjc=" },
    });
    expect(JSON.parse(buildGraphqlRequest(config).body)).toEqual({ query: config.query, variables: { region: "BW" } });
  });

  it.each([
    ["a.b", { a: { b: 1 } }, 1],
    ["a.b", { a: [{ b: 1 }, { b: [2, 3] }, { c: 4 }] }, [1, 2, 3]],
    ["a.1.b", { a: [{ b: 1 }, { b: 2 }] }, 2],
    ["a.b.c", { a: null }, undefined],
  ])("getPath(%s)", (p, root, expected) => {
    expect(getPath(root, p)).toEqual(expected);
  });
});

describe("graphql detect", () => {
  it.each([
    ['{"data": {"veranstaltungen": []}}', 0.9],
    ['{"errors": [{"message": "x"}], "data": null}', 0.7],
    ['{"@context": "https://schema.org"}', 0],
    ["<rss></rss>", 0],
  ])("%s → %s", (text, score) => {
    expect(graphqlAdapter.detect(input(text))).toBe(score);
  });

  it("fits the registry's plain FeedAdapter type", () => {
    const plain: FeedAdapter = graphqlAdapter;
    expect(plain.kind).toBe("GRAPHQL");
  });
});
