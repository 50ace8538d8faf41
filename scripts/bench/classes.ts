/**
 * The benchmark's query classes (issue 5, item 5): rare, frequent and near-universal words,
 * each without and with place and date filters. Word shares come from the synthetic
 * catalogue (ingest/synth/catalogue.ts WORD_SHARES).
 */
export interface QueryClass {
  name: string;
  /** Whether the class counts as "with filters" for the scaling goal. */
  filtered: boolean;
  profile: Record<string, unknown>;
}

const WORDS = [
  ["selten", "Erbbaurecht"],
  ["häufig", "Beteiligung"],
  ["fast überall: Weiterbildung", "Weiterbildung"],
  ["fast überall: Seminar", "Seminar"],
] as const;

/** Place and a three-month window from `base`, so the filter is the same at every size. */
export function queryClasses(base: Date): QueryClass[] {
  const day = 86_400_000;
  const from = new Date(base.getTime() + 30 * day).toISOString();
  const to = new Date(base.getTime() + 120 * day).toISOString();
  return WORDS.flatMap(([name, text]) => [
    { name: `${name}`, filtered: false, profile: { text } },
    {
      name: `${name} + Ort/Datum`,
      filtered: true,
      profile: { text, place: { municipality: "Stuttgart" }, radiusKm: 30, from, to },
    },
  ]);
}

export const MATCH_QUERY = `query Match($profile: MatchProfile) {
  matchOffers(profile: $profile, first: 20) {
    totalCount
    edges { node { score reasons distanceKm offer { id title firstStart location { municipality } } } }
  }
}`;
