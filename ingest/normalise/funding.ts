import { fold } from "./phrases.ts";

/** Funding notes the portal shows by a fixed German label. */
export const FUNDING_TABLE: readonly { label: string; patterns: readonly RegExp[] }[] = [
  {
    label: "Landesförderung Quartiersakademie",
    patterns: [
      /quartiersakademie/,
      /gefoerdert (?:\w+ ){0,4}(?:land|ministerium)|landesfoerderung|mit mitteln des landes|landesstrategie quartier|quartier 2030/,
    ],
  },
  { label: "Bildungszeit", patterns: [/bildungszeit/, /bildungszeitgesetz|bzg bw/] },
  { label: "Bildungsurlaub", patterns: [/bildungsurlaub/] },
  { label: "Gutschein", patterns: [/gutschein/, /voucher/] },
  { label: "ESF-Förderung", patterns: [/\besf\b|europaeischen sozialfonds/] },
];

export function fundingFromTexts(texts: readonly string[]): string[] {
  const folded = fold(texts.join(" \n "));
  return FUNDING_TABLE.filter((row) => row.patterns.some((p) => p.test(folded))).map((row) => row.label);
}
