import type { OfferKind } from "../../schema/offer/offer-kind.ts";
import { fold } from "./phrases.ts";

/**
 * Kind of event from the offer's own words. The title speaks first (a "Fachtag" that
 * mentions a workshop in its programme is a Fachtag), then notes and keywords, then the
 * description; within one text the table order decides (more specific kinds first).
 */
export const KIND_TABLE: readonly { kind: OfferKind; patterns: readonly RegExp[] }[] = [
  {
    kind: "IN_HOUSE",
    patterns: [/inhouse|in-house/, /auf anfrage (?:buchbar|durchgefuehrt)|buchbar auf anfrage|bei ihnen vor ort/],
  },
  {
    kind: "CERTIFICATE_COURSE",
    patterns: [
      /zertifikat/,
      /lehrgang/,
      /weiterbildung mit abschluss|berufsbegleitende weiterbildung|qualifizierungskurs/,
    ],
  },
  {
    kind: "MODULE_SERIES",
    patterns: [
      /modulreihe|seminarreihe|veranstaltungsreihe|fortbildungsreihe|workshopreihe|vortragsreihe/,
      /\breihe\b/,
      /\bmodul(?:e)? \d/,
    ],
  },
  {
    kind: "CONFERENCE",
    patterns: [/fachtag/, /tagung/, /kongress/, /\bforum\b|fachforum|konferenz(?!\s*(?:raum|zimmer))/, /symposium/],
  },
  {
    kind: "WEBINAR",
    patterns: [
      /webinar/,
      /online-seminar|onlineseminar|online seminar/,
      /digitale veranstaltung|online-veranstaltung|online-workshop|online-fortbildung/,
    ],
  },
  {
    kind: "NETWORK_MEETING",
    patterns: [
      /netzwerktreffen|netzwerk-treffen/,
      /austauschtreffen|erfahrungsaustausch|fachaustausch/,
      /werkstatt/,
      /stammtisch|runder tisch/,
    ],
  },
  {
    kind: "SEMINAR",
    patterns: [/seminar/, /workshop/, /\bkurs\b|\bkurse\b|kompaktkurs|grundkurs/, /schulung|training|fortbildung/],
  },
];

function kindOf(text: string): OfferKind | null {
  const folded = fold(text);
  for (const row of KIND_TABLE) if (row.patterns.some((p) => p.test(folded))) return row.kind;
  return null;
}

/**
 * In running prose the first kind word is what the text calls itself ("Das Seminar … mit
 * Erfahrungsaustausch" is a seminar), so a description goes by position, not table order.
 */
// Network meetings are a subject of this field ("Netzwerktreffen moderieren"): in prose they
// describe content, not the event, so only titles, notes and keywords can make one.
const NOT_FROM_PROSE: readonly OfferKind[] = ["NETWORK_MEETING"];

function kindByPosition(text: string): OfferKind | null {
  const folded = fold(text);
  let best: { kind: OfferKind; index: number } | null = null;
  for (const row of KIND_TABLE) {
    if (NOT_FROM_PROSE.includes(row.kind)) continue;
    for (const p of row.patterns) {
      const m = p.exec(folded);
      if (m && (!best || m.index < best.index)) best = { kind: row.kind, index: m.index };
    }
  }
  return best?.kind ?? null;
}

/**
 * The first text (in order of trust) that names a kind decides: short texts (title,
 * notes, keywords) by table order, the last text (the description) by position.
 */
export function kindFromTexts(
  texts: readonly (string | undefined)[],
  options: { proseLast?: boolean } = {},
): OfferKind | null {
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!t) continue;
    const k = options.proseLast && i === texts.length - 1 ? kindByPosition(t) : kindOf(t);
    if (k) return k;
  }
  return null;
}
