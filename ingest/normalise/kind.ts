import type { OfferKind } from "../../schema/offer/offer-kind.ts";
import { fold } from "./phrases.ts";

/**
 * Kind of event from the offer's own words. The title speaks first (a "Fachtag" that
 * mentions a workshop in its programme is a Fachtag), then notes and keywords, then the
 * description; within one text the table order decides (more specific kinds first).
 */
export const KIND_TABLE: readonly { kind: OfferKind; patterns: readonly RegExp[] }[] = [
  { kind: "IN_HOUSE", patterns: [/inhouse|in-house/, /auf anfrage (?:buchbar|durchgefuehrt)|buchbar auf anfrage|bei ihnen vor ort/] },
  { kind: "CERTIFICATE_COURSE", patterns: [/zertifikat/, /lehrgang/, /weiterbildung mit abschluss|berufsbegleitende weiterbildung|qualifizierungskurs/] },
  { kind: "MODULE_SERIES", patterns: [/modulreihe|seminarreihe|veranstaltungsreihe|fortbildungsreihe|workshopreihe|vortragsreihe/, /\breihe\b/, /\bmodul(?:e)? \d/] },
  { kind: "CONFERENCE", patterns: [/fachtag/, /tagung/, /kongress/, /\bforum\b|fachforum|konferenz(?!\s*(?:raum|zimmer))/, /symposium/] },
  { kind: "WEBINAR", patterns: [/webinar/, /online-seminar|onlineseminar|online seminar/, /digitale veranstaltung|online-veranstaltung|online-workshop|online-fortbildung/] },
  { kind: "NETWORK_MEETING", patterns: [/netzwerktreffen|netzwerk-treffen/, /austauschtreffen|erfahrungsaustausch|fachaustausch/, /werkstatt/, /stammtisch|runder tisch/] },
  { kind: "SEMINAR", patterns: [/seminar/, /workshop/, /\bkurs\b|\bkurse\b|kompaktkurs|grundkurs/, /schulung|training|fortbildung/] },
];

function kindOf(text: string): OfferKind | null {
  const folded = fold(text);
  for (const row of KIND_TABLE) if (row.patterns.some((p) => p.test(folded))) return row.kind;
  return null;
}

/** The first text (in order of trust) that names a kind decides. */
export function kindFromTexts(texts: readonly (string | undefined)[]): OfferKind | null {
  for (const t of texts) {
    const k = t ? kindOf(t) : null;
    if (k) return k;
  }
  return null;
}
