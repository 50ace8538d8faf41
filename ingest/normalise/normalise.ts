import { createHash } from "node:crypto";
import type { OfferDraft } from "../adapters/types.ts";
import { accessibilityFromTexts } from "./accessibility.ts";
import { audiencesFromText } from "./audience.ts";
import { completenessOf } from "./completeness.ts";
import { parseIso } from "./berlin.ts";
import { parseGermanDates, resolveSessions } from "./dates.ts";
import { fundingFromTexts } from "./funding.ts";
import { kindFromTexts } from "./kind.ts";
import { resolvePlace } from "./place.ts";
import { parsePrice } from "./price.ts";
import { decodeText, sanitiseDescription } from "./sanitise.ts";
import type { NormalisedOffer } from "./types.ts";
import { parseTeachingUnits } from "./units.ts";

/**
 * OfferDraft → NormalisedOffer: one pass through the small readers of this folder.
 * Pure: the clock is `ctx.fetchedAt` (or `ctx.referenceDate` for dates without a year).
 */

export interface NormaliseContext {
  sourceUrl: string;
  fetchedAt: Date;
  adapter: string;
  adapterVersion: string;
  /** Reference for dates without a year; defaults to fetchedAt. */
  referenceDate?: Date;
}

// Labelled lines in descriptions ("Kosten: kostenfrei", "Ort: Rathaus Ulm"), read only
// when the format gave no field of that kind.
const LABELS = {
  price: /^(?:teilnahmegeb(?:ü|ue)hr|teilnahmebeitrag|kosten|geb(?:ü|ue)hr(?:en)?|preis|entgelt|beitrag)\s*:\s*(.+)$/im,
  date: /^(?:termine?|datum|wann|zeit)\s*:\s*(.+)$/im,
  place: /^(?:ort|veranstaltungsort|tagungsort|wo)\s*:\s*(.+)$/im,
  audience: /^(?:zielgruppen?|f(?:ü|ue)r wen\??|teilnehmende|adressaten)\s*:\s*(.+)$/im,
  audienceProse: /richtet sich an\s+([^.\n]+)/i,
  registration: /anmeld\w*[^\n]{0,60}?(https?:\/\/[^\s<>"]+)/i,
} as const;

const labelled = (text: string, label: keyof typeof LABELS): string | undefined =>
  LABELS[label].exec(text)?.[1]?.trim() || undefined;

/** Absolute http(s) URL, resolved against the page it came from; anything else is null. */
export function absoluteHttpUrl(value: string | undefined, base: string): string | null {
  const v = value?.trim();
  if (!v) return null;
  try {
    const url = new URL(v, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const cleanList = (values: readonly string[] | undefined): string[] => {
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = decodeText(v);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
};

const trimmed = (s: string | undefined): string | null => {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : null;
};

function readDeadline(value: string | undefined, reference: Date): { date: string | null; warning: string | null } {
  const text = trimmed(value);
  if (!text) return { date: null, warning: null };
  const iso = parseIso(text);
  if (iso) return { date: iso.time.iso.slice(0, 10), warning: null };
  const prose = parseGermanDates(text, reference).sessions[0];
  if (prose) return { date: prose.start.slice(0, 10), warning: null };
  return { date: null, warning: `Anmeldeschluss nicht lesbar: „${text}“` };
}

export function normaliseOffer(draft: OfferDraft, ctx: NormaliseContext): NormalisedOffer {
  const warnings: string[] = [];
  const raw: Record<string, string> = {};
  const reference = ctx.referenceDate ?? ctx.fetchedAt;

  const title = decodeText(draft.title ?? "");
  if (!title) warnings.push("Titel fehlt");
  const { html: descriptionHtml, text: description } = sanitiseDescription(draft.description);

  const url = absoluteHttpUrl(draft.url, ctx.sourceUrl);
  if (draft.url?.trim() && !url) {
    warnings.push(`Link ungültig: „${draft.url.trim()}“`);
    raw["url"] = draft.url.trim();
  }

  const dates = resolveSessions(
    {
      sessions: draft.sessions ?? [],
      dateText: draft.dateText ?? (draft.sessions?.length ? undefined : labelled(description, "date")),
    },
    reference,
  );
  warnings.push(...dates.warnings);
  if (dates.rawDate) raw["date"] = dates.rawDate;

  const hasPlaceField = !!(draft.location && Object.keys(draft.location).length) || !!draft.locationText?.trim();
  const place = resolvePlace({
    location: draft.location,
    locationText: hasPlaceField ? draft.locationText : labelled(description, "place"),
    attendance: draft.attendance,
  });
  warnings.push(...place.warnings);
  if (place.warnings.length && draft.locationText) raw["location"] = draft.locationText.trim();

  const hasPriceField = !!draft.price || !!draft.priceText?.trim();
  const price = parsePrice({
    price: draft.price,
    priceText: hasPriceField ? draft.priceText : labelled(description, "price"),
  });
  warnings.push(...price.warnings);
  if (price.raw) raw["price"] = price.raw;

  const units = parseTeachingUnits({
    teachingUnits: draft.teachingUnits,
    teachingUnitsText: draft.teachingUnitsText,
    description,
  });
  warnings.push(...units.warnings);
  if (units.raw) raw["teachingUnits"] = units.raw;

  const notes = cleanList(draft.notes);
  const keywords = cleanList(draft.keywords);
  const audienceTexts = [
    ...(draft.audienceText ?? []),
    labelled(description, "audience") ?? "",
    labelled(description, "audienceProse") ?? "",
  ];
  const kind = kindFromTexts([title, ...notes, keywords.join(", "), description], { proseLast: true });
  const deadline = readDeadline(draft.registrationDeadline, reference);
  if (deadline.warning) {
    warnings.push(deadline.warning);
    raw["registrationDeadline"] = draft.registrationDeadline?.trim() ?? "";
  }

  const content: Omit<NormalisedOffer, "completeness" | "provenance"> = {
    sourceKey: draft.sourceKey.trim(),
    title,
    url,
    descriptionHtml,
    description,
    sessions: dates.sessions,
    online: place.online,
    hybrid: place.hybrid,
    location: place.location,
    free: price.free,
    price: price.price,
    priceText: price.priceText,
    teachingUnits: units.units,
    audiences: audiencesFromText(audienceTexts.filter(Boolean)),
    kind,
    funding: fundingFromTexts([title, description, ...notes]),
    accessibility: accessibilityFromTexts([
      draft.locationText ?? "",
      draft.location?.name ?? "",
      ...notes,
      description,
    ]),
    registrationUrl: absoluteHttpUrl(
      draft.registrationUrl ?? labelled(description, "registration")?.replace(/[.,;:)]+$/, ""),
      ctx.sourceUrl,
    ),
    registrationDeadline: deadline.date,
    keywords,
    organizer: trimmed(draft.organizer),
    warnings,
    raw,
  };
  return {
    ...content,
    provenance: {
      sourceUrl: ctx.sourceUrl,
      fetchedAt: ctx.fetchedAt.toISOString(),
      adapter: ctx.adapter,
      adapterVersion: ctx.adapterVersion,
    },
    completeness: completenessOf(content),
  };
}

/** JSON with keys sorted at every level, so equal content always serialises alike. */
export function stableJson(value: unknown): string {
  // Loops instead of entries/filter/map chains: this runs over every offer of every run.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + stableJson(value[i]);
    return out + "]";
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, as `<` does.
    const keys = Object.keys(record).sort();
    let out = "{";
    let first = true;
    for (const key of keys) {
      const v = record[key];
      if (v === undefined) continue;
      out += (first ? "" : ",") + JSON.stringify(key) + ":" + stableJson(v);
      first = false;
    }
    return out + "}";
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * sha256 of the content: everything but provenance (which changes with every fetch), so
 * an unchanged item can be skipped by the store.
 */
export function contentHash(offer: NormalisedOffer): string {
  const { provenance: _provenance, ...content } = offer;
  return createHash("sha256").update(stableJson(content)).digest("hex");
}
