/**
 * Price prose and schema.org prices → `{ free, price, priceText }`.
 * A free offer carries `price: { amount: 0 }`; "auf Anfrage" and "Spende erbeten" keep
 * the text with no amount. "kostenfrei für Mitglieder" is not free for everyone: the
 * offer stays not free, with the text and a note.
 */

export interface PriceResult {
  free: boolean;
  price: { amount: number; currency: "EUR" } | null;
  priceText: string | null;
  warnings: string[];
  /** The text when it could not be read. */
  raw: string | null;
}

export interface PriceInput {
  price?: { amount: number; currency: string };
  priceText?: string;
}

const FREE_PATTERNS: readonly RegExp[] = [
  /\bkostenfrei/i,
  /\bkostenlos/i,
  /\bgeb(?:ü|ue)hrenfrei/i,
  /\bentgeltfrei/i,
  /\bunentgeltlich/i,
  /\bgratis\b/i,
  /\bfreier?\s+eintritt/i,
  /\beintritt\s+frei/i,
  /\bteilnahme\s+(?:ist\s+)?(?:kostenfrei|frei)\b/i,
  /\bkeine\s+(?:kosten|geb(?:ü|ue)hr|teilnahmegeb(?:ü|ue)hr)/i,
  /\bohne\s+(?:kosten|geb(?:ü|ue)hr)/i,
  /^\s*frei\s*$/i,
];

// "für Mitglieder kostenfrei", "kostenfrei für Mitarbeitende der Mitgliedskommunen":
// free for a group only.
const CONDITIONAL =
  /\b(?:f(?:ü|ue)r|nur\s+f(?:ü|ue)r)\s+(?:die\s+|alle\s+)?(?:mitglied|mitarbeit|besch(?:ä|ae)ftigt|angeh(?:ö|oe)rig|bewohner|einwohner|studierend|sch(?:ü|ue)ler|teilnehmende\s+(?:aus|der|von))/i;

/** Phrases that are a known answer, not an amount. */
const NO_AMOUNT: readonly RegExp[] = [
  /auf\s+anfrage/i,
  /spende/i,
  /nach\s+vereinbarung/i,
  /siehe\s+/i,
  /wird\s+noch\s+bekannt/i,
];

// Labels of reduced prices: the regular one is what the hub shows.
const REDUCED =
  /(?:erm(?:ä|ae)(?:ß|ss)igt|mitglied|studierend|sch(?:ü|ue)ler|azubi|rentner|fr(?:ü|ue)hbucher|sozialpass|familienpass)[^0-9€]{0,40}$/i;

const AMOUNT =
  /(?:(?:€|EUR|Euro)\s*(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?|(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}|-{1,2}))?\s*(?:€|EUR\b|Euro\b))/gi;

const toNumber = (intPart: string, fraction: string | undefined): number => {
  const whole = Number(intPart.replace(/\./g, ""));
  return fraction && /^\d+$/.test(fraction) ? whole + Number(fraction.padEnd(2, "0")) / 100 : whole;
};

interface Amount {
  value: number;
  reduced: boolean;
  inParentheses: boolean;
}

function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  AMOUNT.lastIndex = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    const value = m[1] !== undefined ? toNumber(m[1], m[2]) : toNumber(m[3] ?? "0", m[4]);
    const before = text.slice(Math.max(0, m.index - 50), m.index);
    const open = (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length;
    out.push({ value, reduced: REDUCED.test(before.split(/[,;]|\s\/\s/).pop() ?? ""), inParentheses: open });
  }
  return out;
}

const EUR = (amount: number): { amount: number; currency: "EUR" } => ({ amount, currency: "EUR" });

export function parsePrice(input: PriceInput): PriceResult {
  // Price fields are short; the cap bounds regex work on a mis-mapped column.
  const text = input.priceText?.slice(0, 500).replace(/\s+/g, " ").trim() || null;
  const warnings: string[] = [];
  if (input.price && Number.isFinite(input.price.amount)) {
    const currency = input.price.currency.trim().toUpperCase();
    if (currency === "EUR" || currency === "€" || currency === "") {
      const amount = Math.round(input.price.amount * 100) / 100;
      const conditional = amount === 0 && text !== null && CONDITIONAL.test(text);
      return {
        free: amount === 0 && !conditional,
        price: conditional ? null : EUR(amount),
        priceText: text,
        warnings,
        raw: null,
      };
    }
    warnings.push(`Preis in anderer Währung (${currency}) nicht übernommen`);
    return { free: false, price: null, priceText: text ?? `${input.price.amount} ${currency}`, warnings, raw: null };
  }
  if (!text) return { free: false, price: null, priceText: null, warnings, raw: null };

  const saysFree = FREE_PATTERNS.some((p) => p.test(text));
  const amounts = findAmounts(text);
  const regular = amounts.find((a) => !a.reduced && !a.inParentheses) ?? amounts.find((a) => !a.reduced) ?? amounts[0];
  if (saysFree && CONDITIONAL.test(text)) {
    const charged = amounts.find((a) => a.value > 0 && !a.reduced);
    warnings.push("Kostenfrei nur für einen Teil der Teilnehmenden");
    return { free: false, price: charged ? EUR(charged.value) : null, priceText: text, warnings, raw: null };
  }
  if (saysFree && (!regular || regular.value === 0))
    return { free: true, price: EUR(0), priceText: text, warnings, raw: null };
  if (regular) return { free: regular.value === 0, price: EUR(regular.value), priceText: text, warnings, raw: null };
  if (/^\d+(?:,\d{1,2})?$/.test(text)) {
    // A bare number in a price column ("65,00") is euros.
    const [i, f] = text.split(",");
    const value = toNumber(i ?? "0", f);
    return { free: value === 0, price: EUR(value), priceText: text, warnings, raw: null };
  }
  if (NO_AMOUNT.some((p) => p.test(text))) return { free: false, price: null, priceText: text, warnings, raw: null };
  warnings.push(`Preis nicht lesbar: „${text}“`);
  return { free: false, price: null, priceText: text, warnings, raw: text };
}
