import { fold } from "./phrases.ts";

/** Accessibility features named in a text, as short German labels. Negations ("nicht barrierefrei") win. */
export const ACCESSIBILITY_TABLE: readonly { label: string; patterns: readonly RegExp[] }[] = [
  { label: "nicht barrierefrei", patterns: [/nicht (?:\w+ )?barrierefrei|nicht rollstuhl|keine barrierefreiheit/] },
  { label: "barrierefrei", patterns: [/(?<!nicht (?:\w+ )?)barrierefrei|barrierefreiheit/] },
  { label: "rollstuhlgerecht", patterns: [/(?<!nicht )rollstuhl(?:gerecht|zugaenglich|geeignet)|rollstuhlfahrer/] },
  { label: "Gebärdensprache", patterns: [/gebaerdensprach|dgs-?dolmetsch/] },
  { label: "Induktionsschleife", patterns: [/induktionsschleife|induktive hoeranlage|hoeranlage/] },
  { label: "Leichte Sprache", patterns: [/leichte(?:r)? sprache/] },
  { label: "Aufzug", patterns: [/aufzug|fahrstuhl/] },
];

/** Labels joined with ", ", or null when the texts say nothing about access. */
export function accessibilityFromTexts(texts: readonly string[]): string | null {
  const folded = fold(texts.join(" \n "));
  const labels = ACCESSIBILITY_TABLE.filter((row) => row.patterns.some((p) => p.test(folded))).map((row) => row.label);
  return labels.length ? labels.join(", ") : null;
}
