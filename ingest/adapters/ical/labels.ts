/**
 * "Label: value" lines in an event DESCRIPTION ("Teilnahmegebühr: 10,00 €", "Umfang: 12 UE",
 * "Zielgruppe: Ehrenamtliche"). The labels are the spreadsheet header synonyms; values stay
 * prose for the normaliser. Only fields a calendar has no property for are taken.
 */
import type { OfferDraft } from "../types.ts";
import { knownHeader, type TargetField } from "../csv/headers.ts";

type LabelTarget = "priceText" | "teachingUnitsText" | "audienceText" | "registrationUrl" | "registrationDeadline";

const LABEL_TARGETS: Partial<Record<TargetField, LabelTarget>> = {
  priceText: "priceText",
  teachingUnits: "teachingUnitsText",
  teachingUnitsText: "teachingUnitsText",
  audience: "audienceText",
  registrationUrl: "registrationUrl",
  registrationDeadline: "registrationDeadline",
};

const LABEL_LINE = /^\s*([\p{L}][\p{L} .\-/]{0,38}?)\s*:\s*(.+?)\s*$/u;
const URL = /^https?:\/\/\S+$/i;
const UNITS_IN_PROSE = /\b\d+(?:[.,]\d+)?\s*(?:UE|Unterrichtseinheiten)\b/i;

export type DescriptionFacts = Pick<OfferDraft, LabelTarget>;

export function factsFromDescription(text: string): DescriptionFacts {
  const facts: DescriptionFacts = {};
  for (const line of text.split(/\r?\n/)) {
    const m = LABEL_LINE.exec(line);
    const field = m?.[1] === undefined ? undefined : knownHeader(m[1]);
    const target = field === undefined ? undefined : LABEL_TARGETS[field];
    const value = m?.[2];
    if (target === undefined || value === undefined) {
      if (facts.teachingUnitsText === undefined && UNITS_IN_PROSE.test(line)) facts.teachingUnitsText = line.trim();
      continue;
    }
    if (target === "audienceText") facts.audienceText = [...(facts.audienceText ?? []), value];
    else if (target === "registrationUrl") {
      if (URL.test(value)) facts.registrationUrl ??= value;
    } else facts[target] ??= value;
  }
  return facts;
}

/** Plain text of an X-ALT-DESC HTML body, enough to find label lines in it. */
export function htmlToLines(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)[^>]*>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&euro;/g, "€");
}
