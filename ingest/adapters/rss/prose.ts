/**
 * Picks the date, place, price, hours and audience prose out of an item's plain text.
 * Nothing is interpreted: the lines are handed on verbatim for the normaliser to read.
 * Labelled lines ("Termin: …", "Ort: …") win; unlabelled German dates are the fallback for
 * the date only, because a bare date is recognisable while a bare place or price is not.
 */

export interface ProseFields {
  dateText?: string;
  locationText?: string;
  priceText?: string;
  teachingUnitsText?: string;
  audienceText?: string[];
  registrationDeadline?: string;
}

type ProseField = keyof ProseFields;

/** Labels providers put before a value, per field. Matched case-insensitively at line start. */
const LABELS: ReadonlyArray<{ field: ProseField; labels: readonly string[] }> = [
  { field: "registrationDeadline", labels: ["Anmeldeschluss", "Anmeldefrist", "Anmeldung bis"] },
  {
    field: "dateText",
    labels: [
      "Termine",
      "Termin",
      "Datum",
      "Wann",
      "Zeitraum",
      "Zeit",
      "Uhrzeit",
      "Beginn",
      "Veranstaltungsdatum",
      "Kurstermine",
      "Kurstermin",
    ],
  },
  {
    field: "locationText",
    labels: ["Veranstaltungsort", "Tagungsort", "Kursort", "Seminarort", "Ort", "Wo", "Adresse", "Treffpunkt"],
  },
  {
    field: "priceText",
    labels: [
      "Teilnahmebeitrag",
      "Teilnahmegebühr",
      "Teilnahmegebühren",
      "Kursgebühr",
      "Gebühren",
      "Gebühr",
      "Kosten",
      "Preis",
      "Entgelt",
      "Beitrag",
    ],
  },
  { field: "teachingUnitsText", labels: ["Unterrichtseinheiten", "Umfang", "Stundenumfang", "Dauer"] },
  { field: "audienceText", labels: ["Zielgruppen", "Zielgruppe", "Für wen", "Adressaten", "Teilnehmerkreis"] },
];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Longest labels first so "Teilnahmebeitrag" is not read as "Beitrag" and "Termine" not as "Termin". */
const LABEL_PATTERNS = LABELS.flatMap(({ field, labels }) =>
  labels.map((label) => ({ field, label, re: new RegExp(`^${escapeRe(label)}\\s*(?:[:?]\\s*|$)(.*)$`, "i") })),
).sort((a, b) => b.label.length - a.label.length);

const MONTHS =
  "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Nov|Dez";
/** "18.03.2027", "18.3.27", "18. März 2027", "18. März", "2027-03-18". */
const DATE_PATTERNS: readonly RegExp[] = [
  /(?<!\d)\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?(?!\d)/,
  new RegExp(`(?<!\\d)\\d{1,2}\\.\\s*(?:${MONTHS})\\b`, "i"),
  /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/,
];
/** Teaching units mentioned anywhere ("Umfang: 16 UE", "8 Unterrichtseinheiten à 45 Minuten"). */
const UNITS_PATTERN = /\b\d+(?:[.,]\d+)?\s*(?:UE|Unterrichtseinheiten|Unterrichtsstunden|Lerneinheiten)\b/;

/** Sentences of a long line; a period after a digit ("18. März") does not end a sentence. */
function sentences(line: string): string[] {
  return line.split(/(?<=[^\d\s.][.!?])\s+(?=[A-ZÄÖÜ])/);
}

function labelled(line: string): { field: ProseField; value: string } | null {
  for (const { field, re } of LABEL_PATTERNS) {
    const match = re.exec(line);
    if (match) return { field, value: (match[1] ?? "").trim() };
  }
  return null;
}

/**
 * Several labelled facts on one line ("Termin: 07.10. | Ort: Seniorenbüro", "… 18 Uhr Ort: Rathaus")
 * are split where a capitalised label with a colon begins.
 */
const INLINE_LABEL = new RegExp(
  `\\s*(?:[|·•]\\s*)?(?<![A-Za-zÄÖÜäöüß])(?=(?:${LABEL_PATTERNS.map((p) => escapeRe(p.label)).join("|")})\\s*:)`,
  "g",
);
const splitLabels = (line: string): string[] =>
  line.split(INLINE_LABEL).map((l) => l.replace(/^[|·•]\s*|\s*[|·•]$/g, "").trim());

/** Reads the labelled (and recognisable unlabelled) prose of a plain-text description. */
export function extractProse(text: string): ProseFields {
  const lines = text
    .split("\n")
    .flatMap(splitLabels)
    .filter((l) => l.length > 0);
  const found: Record<ProseField, string[]> = {
    dateText: [],
    locationText: [],
    priceText: [],
    teachingUnitsText: [],
    audienceText: [],
    registrationDeadline: [],
  };
  const used = new Set<number>();
  lines.forEach((line, i) => {
    const hit = labelled(line);
    if (!hit) {
      // Labels inside running text ("… im Überblick. Kosten: 95 Euro.") start a sentence.
      for (const sentence of sentences(line).slice(1)) {
        const inner = labelled(sentence);
        if (inner?.value) found[inner.field].push(inner.value);
      }
      return;
    }
    used.add(i);
    // A label alone on its line ("<dt>Ort</dt><dd>…</dd>") carries its value on the next line.
    const next = lines[i + 1];
    const value = hit.value || (next !== undefined && !labelled(next) ? next : "");
    if (!hit.value && value) used.add(i + 1);
    if (value) found[hit.field].push(value);
  });
  if (found.dateText.length === 0) {
    lines.forEach((line, i) => {
      if (used.has(i)) return;
      for (const sentence of sentences(line)) {
        if (DATE_PATTERNS.some((re) => re.test(sentence))) found.dateText.push(sentence.trim());
      }
    });
  }
  if (found.teachingUnitsText.length === 0) {
    for (const line of lines) {
      for (const sentence of sentences(line))
        if (UNITS_PATTERN.test(sentence)) found.teachingUnitsText.push(sentence.trim());
    }
  }
  const out: ProseFields = {};
  const join = (values: string[]): string | undefined => (values.length ? [...new Set(values)].join("\n") : undefined);
  const dateText = join(found.dateText);
  if (dateText) out.dateText = dateText;
  const locationText = join(found.locationText);
  if (locationText) out.locationText = locationText;
  const priceText = join(found.priceText);
  if (priceText) out.priceText = priceText;
  const teachingUnitsText = join(found.teachingUnitsText);
  if (teachingUnitsText) out.teachingUnitsText = teachingUnitsText;
  if (found.audienceText.length) out.audienceText = [...new Set(found.audienceText)];
  const deadline = join(found.registrationDeadline);
  if (deadline) out.registrationDeadline = deadline;
  return out;
}
