/** Shared helper for the phrase tables: lower case with umlauts spelled out, so one pattern serves both spellings. */
// The same description is folded by several tables in a row; remember the last few.
const recent = new Map<string, string>();

export function fold(text: string): string {
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const value = computeFold(text);
  if (recent.size >= 16) recent.delete(recent.keys().next().value ?? "");
  recent.set(text, value);
  return value;
}

function computeFold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[\u00ad]/g, "")
    .replace(/\s+/g, " ");
}

/** Codes whose patterns match the folded text, in table order, without repeats. */
export function matchTable<Code>(table: readonly { code: Code; patterns: readonly RegExp[] }[], text: string): Code[] {
  const folded = fold(text);
  const out: Code[] = [];
  for (const row of table) if (!out.includes(row.code) && row.patterns.some((p) => p.test(folded))) out.push(row.code);
  return out;
}
