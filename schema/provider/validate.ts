import { badInput } from "../common/errors.ts";

/** Small input checks shared by the provider and feed mutations; each names its field. */

export const MAX_URL = 2_000;

// Messages name the field as a person knows it; the error's `field` keeps the API name.
const LABELS: Record<string, string> = {
  name: "Name",
  contactName: "Ansprechperson",
  contactEmail: "E-Mail-Adresse",
  website: "Website",
  description: "Beschreibung",
  reason: "Begründung",
  message: "Nachricht",
  url: "Adresse",
  registrationUrl: "Anmeldeadresse",
  sourceKey: "Schlüssel (sourceKey)",
  title: "Titel",
  start: "Beginn",
  end: "Ende",
  place: "Ort",
  locationName: "Veranstaltungsort",
  street: "Straße",
  postalCode: "Postleitzahl",
  city: "Ort",
  priceText: "Preisangabe",
  price: "Preis",
  teachingUnits: "Unterrichtseinheiten",
  "upload.name": "Dateiname",
};
export const label = (field: string): string => {
  const last =
    field
      .split(".")
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? field;
  const item = /\.(\d+)\./.exec(field)?.[1];
  return `${LABELS[field] ?? LABELS[last] ?? last}${item !== undefined ? ` (Angebot ${Number(item) + 1})` : ""}`;
};

/** Trimmed text within limits; undefined/null/empty stays null unless required. */
export function text(
  field: string,
  value: string | null | undefined,
  max: number,
  options: { required?: boolean; min?: number } = {},
): string | null {
  const v = value?.trim() ?? "";
  if (!v) {
    if (options.required) throw badInput(field, `${label(field)} fehlt.`);
    return null;
  }
  if (v.length > max) throw badInput(field, `${label(field)} ist länger als ${max} Zeichen.`);
  if (options.min && v.length < options.min)
    throw badInput(field, `${label(field)} ist kürzer als ${options.min} Zeichen.`);
  // Control characters have no place in names and titles (newlines in descriptions are fine).
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v))
    throw badInput(field, `${label(field)} enthält Steuerzeichen.`);
  return v;
}

/** An http(s) URL without credentials. The SSRF check of hosts is the ingest port's job. */
export function httpUrl(field: string, value: string | null | undefined): string | null {
  const v = text(field, value, MAX_URL);
  if (v === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw badInput(field, `${label(field)}: „${v.slice(0, 80)}“ ist keine gültige Adresse.`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw badInput(field, `${label(field)}: nur http- und https-Adressen sind erlaubt.`);
  if (parsed.username || parsed.password)
    throw badInput(field, `${label(field)}: Zugangsdaten in der Adresse (user:pass@) sind nicht erlaubt.`);
  return v;
}

// Deliberately simple: one @, a dot in the domain, no spaces. Delivery proves the rest.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,63}$/;

export function email(
  field: string,
  value: string | null | undefined,
  options: { required?: boolean } = {},
): string | null {
  const v = text(field, value, 254, options);
  if (v === null) return null;
  if (!EMAIL.test(v)) throw badInput(field, `${label(field)}: „${v}“ ist keine gültige E-Mail-Adresse.`);
  return v.toLowerCase();
}

const TRANSLITERATION: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

/** "Bildungswerk Süd e.V." → "bildungswerk-sued-e-v". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "anbieter";
}
