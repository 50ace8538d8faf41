import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { OfferDraft, SessionDraft } from "../adapters/types.ts";
import { normaliseOffer } from "./normalise.ts";

/**
 * Checks the normaliser against the dev feeds' gold file (../shared/eval/dev-feeds).
 * The raw strings are read here with a few lines per format, independent of the adapters,
 * so this measures the normaliser alone: places (postcode + locality → Kreis), prices,
 * teaching units, online, and first start / last day of the sessions.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const feedsDir = path.resolve(repoRoot, "../shared/eval/dev-feeds");
const goldPath = path.join(feedsDir, "gold.json");
const available = existsSync(goldPath);

interface GoldOffer {
  feed: string;
  kind: string;
  id: string;
  title: string;
  sessions: [string, string][];
  online: boolean;
  postalCode: string | null;
  districtKey: string | null;
  free: boolean;
  price: number;
  teachingUnits: number | null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string | undefined =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

function jsonLdBlocks(html: string): Json[] {
  const out: Json[] = [];
  for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    const data = JSON.parse(m[1] ?? "{}") as unknown;
    const graph = obj(data)["@graph"];
    for (const node of Array.isArray(graph) ? graph : [data]) out.push(obj(node));
  }
  return out;
}

function draftFromJsonLd(node: Json, gold: GoldOffer): OfferDraft {
  const instance = obj(first(node["hasCourseInstance"]));
  const holder = Object.keys(instance).length ? instance : node;
  const place = obj(holder["location"]);
  const address = obj(place["address"]);
  const offer = obj(first(node["offers"]));
  const mode = `${str(node["eventAttendanceMode"]) ?? ""} ${str(instance["courseMode"]) ?? ""}`;
  return {
    sourceKey: gold.id,
    title: str(node["name"]) ?? "",
    description: str(node["description"]),
    sessions: [{ start: str(holder["startDate"]) ?? "", end: str(holder["endDate"]) ?? null }],
    location: {
      name: str(place["name"]),
      postalCode: str(address["postalCode"]),
      locality: str(address["addressLocality"]),
      street: str(address["streetAddress"]),
    },
    attendance:
      /Online/.test(mode) || str(place["@type"]) === "VirtualLocation"
        ? "ONLINE"
        : /onsite|Offline/i.test(mode)
          ? "OFFLINE"
          : undefined,
    price:
      offer["price"] !== undefined
        ? { amount: Number(offer["price"]), currency: str(offer["priceCurrency"]) ?? "EUR" }
        : undefined,
  };
}

function icsEvents(text: string): Record<string, string>[] {
  const unfolded = text.replace(/\r?\n[ \t]/g, "");
  return unfolded
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((block) => {
      const ev: Record<string, string> = {};
      for (const line of block.split(/\r?\n/)) {
        const m = /^([A-Z-]+)(;[^:]*)?:(.*)$/.exec(line);
        if (m?.[1]) ev[m[1]] = (m[2] ?? "").includes("VALUE=DATE") ? `DATE:${m[3] ?? ""}` : (m[3] ?? "");
      }
      return ev;
    });
}

const icsUnescape = (s: string): string => s.replace(/\\n/gi, "\n").replace(/\\([,;\\])/g, "$1");
const icsDate = (v: string): string => {
  const d = v.replace(/^DATE:/, "");
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return d.length > 8 ? `${iso}T${d.slice(9, 11)}:${d.slice(11, 13)}` : iso;
};

function draftFromIcs(ev: Record<string, string>, gold: GoldOffer): OfferDraft {
  const allDay = (ev["DTSTART"] ?? "").startsWith("DATE:");
  const start = icsDate(ev["DTSTART"] ?? "");
  let end = ev["DTEND"] ? icsDate(ev["DTEND"]) : null;
  // iCalendar all-day ends are exclusive; the adapter contract wants the last day itself.
  if (allDay && end) end = new Date(Date.parse(`${end}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const count = Number(/COUNT=(\d+)/.exec(ev["RRULE"] ?? "")?.[1] ?? "1");
  const sessions: SessionDraft[] = [];
  for (let i = 0; i < count; i++) {
    const shift = (iso: string): string => {
      const [date, time] = iso.split("T");
      const d = new Date(Date.parse(`${date}T12:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      return time ? `${d}T${time}` : d;
    };
    sessions.push({ start: shift(start), end: end ? shift(end) : null, allDay });
  }
  return {
    sourceKey: gold.id,
    title: ev["SUMMARY"] ?? "",
    description: icsUnescape(ev["DESCRIPTION"] ?? ""),
    sessions,
    locationText: icsUnescape(ev["LOCATION"] ?? ""),
  };
}

function rssItems(xml: string): { title: string; description: string }[] {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => ({
    title: /<title>([\s\S]*?)<\/title>/.exec(m[1] ?? "")?.[1] ?? "",
    description: /<description><!\[CDATA\[([\s\S]*?)\]\]><\/description>/.exec(m[1] ?? "")?.[1] ?? "",
  }));
}

function draftFromCsv(row: Record<string, string>, gold: GoldOffer): OfferDraft {
  const range = [row["Beginn"], row["Ende"]].filter((v) => v?.trim()).join(" – ");
  return {
    sourceKey: gold.id,
    title: row["Titel"] ?? "",
    description: row["Beschreibung"],
    sessions: [],
    dateText: `${range}, ${row["Uhrzeit"] ?? ""} Uhr`,
    location: { name: row["Veranstaltungsort"], street: row["Straße"], postalCode: row["PLZ"], locality: row["Ort"] },
    priceText: row["Gebühr"],
    teachingUnitsText: row["UE"],
    audienceText: row["Zielgruppe"] ? [row["Zielgruppe"]] : [],
  };
}

function draftFor(gold: GoldOffer): OfferDraft | null {
  const file = path.join(feedsDir, gold.feed);
  if (gold.kind.endsWith("jsonld")) {
    const node = jsonLdBlocks(readFileSync(file, "utf8")).find((n) => n["name"] === gold.title);
    return node ? draftFromJsonLd(node, gold) : null;
  }
  if (gold.kind === "ics") {
    const ev = icsEvents(readFileSync(file, "utf8")).find((e) => e["SUMMARY"] === gold.title);
    return ev ? draftFromIcs(ev, gold) : null;
  }
  if (gold.kind === "rss") {
    const item = rssItems(readFileSync(file, "utf8")).find((i) => i.title === gold.title);
    return item ? { sourceKey: gold.id, title: item.title, description: item.description, sessions: [] } : null;
  }
  if (gold.kind === "csv") {
    const text = iconv.decode(readFileSync(file), "win1252");
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true, delimiter: ";" }).data;
    const row = rows.find((r) => r["Nr"] === gold.id);
    return row ? draftFromCsv(row, gold) : null;
  }
  return null;
}

const gold: GoldOffer[] = available
  ? (JSON.parse(readFileSync(goldPath, "utf8")) as { offers: GoldOffer[] }).offers
  : [];
const CTX = {
  sourceUrl: "https://provider.example/",
  fetchedAt: new Date("2026-11-15T06:00:00Z"),
  adapter: "gold-test",
  adapterVersion: "0",
};

describe.skipIf(!available)("normaliser against dev-feeds gold (../shared/eval/dev-feeds)", () => {
  it.each(gold.map((g) => [g.id, g] as const))("%s", (_id, g) => {
    const draft = draftFor(g);
    expect(draft, `raw strings for ${g.id} not found in ${g.feed}`).not.toBeNull();
    const o = normaliseOffer(draft!, CTX);
    expect(o.location?.postalCode ?? null).toBe(g.postalCode);
    expect(o.location?.districtKey ?? null).toBe(g.districtKey);
    expect(o.online).toBe(g.online);
    expect(o.free).toBe(g.free);
    expect(o.price?.amount ?? null).toBe(g.price);
    expect(o.teachingUnits).toBe(g.teachingUnits);
    expect(o.sessions[0]?.start).toBe(g.sessions[0]?.[0]);
    // The last day must match; the last end time only where the raw fields state it
    // (the CSV gives one time span for both days of CBW-27-12, the gold a shorter second day).
    expect(o.sessions.at(-1)?.end?.slice(0, 10)).toBe(g.sessions.at(-1)?.[1].slice(0, 10));
  });
});

describe.skipIf(available)("dev-feeds gold", () => {
  it.skip(`skipped: ${goldPath} is absent (needs ../shared beside the repository)`, () => {});
});
