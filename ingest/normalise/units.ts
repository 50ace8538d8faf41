/**
 * Teaching units (Unterrichtseinheiten/Wochenstunden à 45 minutes) as stated by the
 * source. Never derived from session lengths: a unit count the provider did not state
 * is null. Clock hours become units as hours × 60 / 45, rounded to half units.
 */

export interface UnitsResult {
  units: number | null;
  warnings: string[];
  /** The text when it could not be read. */
  raw: string | null;
}

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;

// Minutes one stated unit stands for. Order matters: "Unterrichtsstunden" before "Stunden".
const UNIT_WORDS: readonly { pattern: string; minutes: number }[] = [
  {
    pattern: String.raw`UE\b|U\.?\s?E\.|Unterrichtseinheit(?:en)?|Unterrichtsstunden?|UStd\.?|LE\b|Lerneinheit(?:en)?`,
    minutes: 45,
  },
  { pattern: String.raw`WSt\.?|Wochenstunden?|WS\b`, minutes: 45 },
  { pattern: String.raw`Zeitstunden?|Stunden|Std\.?|Zeitstd\.?|h\b`, minutes: 60 },
  { pattern: String.raw`Minuten|Min\.?`, minutes: 1 },
];

const ANY_UNIT = UNIT_WORDS.map((u) => `(${u.pattern})`).join("|");
const COUNT_WORDS: Readonly<Record<string, number>> = {
  ein: 1,
  eine: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  fuenf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  zwoelf: 12,
};
const COUNT = String.raw`(\d+|${Object.keys(COUNT_WORDS).join("|")})`;
const countOf = (s: string): number => COUNT_WORDS[s.toLowerCase()] ?? Number(s);

// "2 Tage à 6 WSt.", "Vier Abende à 3 UE", "3 x 4 UE"
const PER_DAY = new RegExp(
  String.raw`(?<![\wäöü])${COUNT}\s*(?:Tage?|Abende?|Termine?|Module?|Sitzungen|Einheiten|Treffen|x|×|mal)\s*(?:à|a|je|zu|mit|x|×|(?:mit\s+)?jeweils)?\s*${NUM}\s*(?:${ANY_UNIT})`,
  "i",
);
const PLAIN = new RegExp(String.raw`(?<![\d.,])${NUM}\s*(?:${ANY_UNIT})`, "i");

const toNumber = (s: string): number => Number(s.replace(",", "."));
const roundHalf = (n: number): number => Math.round(n * 2) / 2;

function minutesPerUnit(match: RegExpExecArray, firstGroup: number): number | null {
  for (let i = 0; i < UNIT_WORDS.length; i++) if (match[firstGroup + i] !== undefined) return UNIT_WORDS[i]!.minutes;
  return null;
}

const toUnits = (count: number, minutes: number): number =>
  minutes === 45 ? count : roundHalf((count * minutes) / 45);

/** Reads units from prose; null when the text states none. */
export function unitsFromText(text: string): number | null {
  const perDay = PER_DAY.exec(text);
  if (perDay) {
    const minutes = minutesPerUnit(perDay, 3);
    if (minutes) return toUnits(countOf(perDay[1] ?? "0") * toNumber(perDay[2] ?? "0"), minutes);
  }
  const plain = PLAIN.exec(text);
  if (plain) {
    const minutes = minutesPerUnit(plain, 2);
    if (minutes) {
      const units = toUnits(toNumber(plain[1] ?? "0"), minutes);
      // "8 Unterrichtseinheiten à 45 Minuten": the second figure explains the first.
      return units > 0 ? units : null;
    }
  }
  return null;
}

// Stricter for free description text: only the explicit unit words, not "Stunden".
const DESCRIPTION =
  /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:UE\b|Unterrichtseinheiten|Unterrichtsstunden|WSt\.?|Wochenstunden)/i;

/** Units stated inside a description ("Umfang: 8 UE."). */
export function unitsFromDescription(text: string): number | null {
  const perDay = PER_DAY.exec(text);
  if (perDay && minutesPerUnit(perDay, 3) === 45) return countOf(perDay[1] ?? "0") * toNumber(perDay[2] ?? "0");
  const m = DESCRIPTION.exec(text);
  return m?.[1] ? toNumber(m[1]) : null;
}

export function parseTeachingUnits(input: {
  teachingUnits?: number;
  teachingUnitsText?: string;
  description?: string;
}): UnitsResult {
  if (typeof input.teachingUnits === "number" && Number.isFinite(input.teachingUnits) && input.teachingUnits > 0)
    return { units: input.teachingUnits, warnings: [], raw: null };
  const text = input.teachingUnitsText?.slice(0, 500).replace(/\s+/g, " ").trim();
  if (text) {
    const units = unitsFromText(text);
    if (units !== null) return { units, warnings: [], raw: null };
    // A bare number in a units column ("8") is a unit count.
    if (/^\d+(?:[.,]\d+)?$/.test(text)) return { units: toNumber(text), warnings: [], raw: null };
    return { units: null, warnings: [`Unterrichtseinheiten nicht lesbar: „${text}“`], raw: text };
  }
  const fromDescription = input.description ? unitsFromDescription(input.description) : null;
  return { units: fromDescription, warnings: [], raw: null };
}
