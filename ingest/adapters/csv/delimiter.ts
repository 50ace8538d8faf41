/**
 * Delimiter detection over the header line, counting outside quotes. (csv-parse's own
 * guesser crashed on a quoted semicolon; a header line is short and rarely quoted.)
 */
export const DELIMITERS = [";", ",", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The first line that is not blank, up to the first line break outside quotes. */
function headerLine(text: string): string {
  let inQuotes = false;
  let startIdx = 0;
  while (startIdx < text.length && (text[startIdx] === "\n" || text[startIdx] === "\r")) startIdx++;
  for (let i = startIdx; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) return text.slice(startIdx, i);
  }
  return text.slice(startIdx);
}

export function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) count++;
  }
  return count;
}

/** The candidate occurring most often in the header line; ties go to the earlier (";" first: German exports). */
export function detectDelimiter(text: string): Delimiter {
  const line = headerLine(text);
  let best: Delimiter = ";";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = countOutsideQuotes(line, delimiter);
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}
