/** Shared helper for the phrase tables: lower case with umlauts spelled out, so one pattern serves both spellings. */
export function fold(text: string): string {
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
