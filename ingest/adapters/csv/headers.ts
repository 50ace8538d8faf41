/**
 * German spreadsheet headers → OfferDraft fields. Providers name their columns freely
 * ("Kurstitel", "Veranstaltungs-Nr.", "Teilnahmegebühr"), so matching is by a normalised
 * key (lower case, umlauts spelled out, punctuation dropped) against this table.
 */

export const TARGET_FIELDS = [
  "title",
  "start",
  "end",
  "time",
  "locationName",
  "locality",
  "locationText",
  "postalCode",
  "street",
  "priceText",
  "teachingUnits", // a column that counts Unterrichtseinheiten (a plain number is structured)
  "teachingUnitsText", // hours or prose whose unit the column name carries
  "audience",
  "description",
  "url",
  "registrationUrl",
  "registrationDeadline",
  "sourceKey",
  "keywords",
  "attendance", // "Präsenz", "online", "hybrid"
  "online", // a yes/no column
  "organizer",
  "notes",
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

/** Header synonyms as providers write them; normalised with `headerKey` before lookup. */
const HEADER_SYNONYMS: Readonly<Record<TargetField, readonly string[]>> = {
  title: ["Titel", "Veranstaltung", "Veranstaltungstitel", "Kurstitel", "Kursname", "Bezeichnung", "Thema", "Name"],
  start: ["Beginn", "Start", "Datum", "Von", "Startdatum", "Termin", "Beginndatum", "Kursbeginn", "Datum von"],
  end: ["Ende", "Bis", "Enddatum", "Kursende", "Datum bis"],
  time: ["Uhrzeit", "Zeit", "Beginn Uhrzeit", "Uhrzeit von bis", "Zeiten"],
  locationName: ["Veranstaltungsort", "Tagungsort", "Kursort", "Lernort", "Raum", "Einrichtung"],
  locality: ["Ort", "Stadt", "Gemeinde", "Wohnort"],
  locationText: ["Adresse Veranstaltungsort", "Ortsangabe", "Anschrift"],
  postalCode: ["PLZ", "Postleitzahl"],
  street: ["Straße", "Strasse", "Str", "Adresse", "Straße und Hausnummer", "Hausnummer"],
  priceText: [
    "Gebühr",
    "Gebühren",
    "Kosten",
    "Preis",
    "Teilnahmegebühr",
    "Teilnahmebeitrag",
    "Entgelt",
    "Kursgebühr",
    "Beitrag",
  ],
  teachingUnits: ["UE", "Unterrichtseinheiten", "Anzahl UE", "Lehreinheiten"],
  teachingUnitsText: ["WSt", "Stunden", "Umfang", "Dauer", "Zeitstunden", "Std"],
  audience: ["Zielgruppe", "Zielgruppen", "Für wen"],
  description: ["Beschreibung", "Inhalt", "Inhalte", "Text", "Kursbeschreibung", "Ausschreibung", "Details"],
  url: ["Link", "URL", "Webseite", "Website", "Internet", "Weitere Informationen", "Infos"],
  registrationUrl: ["Anmeldung", "Anmeldelink", "Anmelde-URL", "Buchung", "Buchungslink"],
  registrationDeadline: ["Anmeldeschluss", "Anmeldefrist", "Anmeldung bis"],
  sourceKey: [
    "Nr",
    "Nummer",
    "ID",
    "Kursnummer",
    "Kursnr",
    "Veranstaltungsnummer",
    "Veranstaltungsnr",
    "Kurs-ID",
    "Kennung",
  ],
  keywords: [
    "Schlagworte",
    "Schlagwörter",
    "Stichworte",
    "Kategorie",
    "Kategorien",
    "Themen",
    "Themenbereich",
    "Lernfeld",
    "Modul",
    "Fachbereich",
    "Tags",
  ],
  attendance: ["Format", "Veranstaltungsform", "Lernform", "Durchführungsform", "Unterrichtsform"],
  online: ["Online", "Online-Veranstaltung", "Digital"],
  organizer: ["Veranstalter", "Anbieter", "Träger"],
  notes: ["Hinweis", "Hinweise", "Bemerkung", "Bemerkungen", "Förderung", "Barrierefreiheit", "Art"],
};

const UMLAUTS: Readonly<Record<string, string>> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** "Veranstaltungs-Nr." → "veranstaltungsnr"; "Straße" and "Strasse" meet at "strasse". */
export function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => UMLAUTS[ch] ?? ch)
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

const SYNONYM_INDEX: ReadonlyMap<string, TargetField> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [TargetField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [headerKey(name), field] as const),
  ),
);

/** The field a header maps to by the synonym table, if any. */
export function knownHeader(header: string): TargetField | undefined {
  return SYNONYM_INDEX.get(headerKey(header));
}

/** header → field for the given headers; per-feed overrides win (matched the same lenient way). */
export function resolveHeaderMap(
  headers: readonly string[],
  overrides: Readonly<Record<string, TargetField>> = {},
): Record<string, TargetField> {
  const overrideIndex = new Map(Object.entries(overrides).map(([h, f]) => [headerKey(h), f] as const));
  const map: Record<string, TargetField> = {};
  for (const header of headers) {
    const field = overrideIndex.get(headerKey(header)) ?? knownHeader(header);
    if (field !== undefined) map[header] = field;
  }
  return map;
}

/**
 * Index of the header row among the first `scanRows` rows: the first with at least two
 * known headers (exports often start with a title line or a blank row). -1 when none.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
  overrides: Readonly<Record<string, TargetField>> = {},
  scanRows = 10,
): number {
  const limit = Math.min(rows.length, scanRows);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const cells = row.filter((c) => c.trim() !== "");
    if (Object.keys(resolveHeaderMap(cells, overrides)).length >= 2) return i;
  }
  return -1;
}
