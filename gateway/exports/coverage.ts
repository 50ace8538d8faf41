import { AUDIENCES, LEARNING_FORMATS } from "../../schema/taxonomy/taxonomy.ts";
import { formatDay, type Cell, type Column, type ExportDocument } from "./table.ts";

/**
 * The coverage matrix and the gap list as export documents. The input is the shape of
 * computeCoverage's result (schema/coverage), restated here with only what is read so
 * the builders stay pure and testable with plain objects.
 */
export interface CoverageData {
  period: { from: Date; to: Date };
  previousPeriod: { from: Date; to: Date };
  level: "DISTRICT" | "REGION";
  modules: { code: string; title: string; tier: string; learningArea: string }[];
  regions: { key: string; name: string }[];
  cells: {
    moduleCode: string;
    regionKey: string;
    offers: number;
    providers: number;
    sessions: number;
    previousOffers: number;
  }[];
  online: { moduleCode: string; offers: number; providers: number; sessions: number }[];
  gaps: { moduleCode: string; regionKey: string; lastOfferedAt: Date | null }[];
  totals: { offers: number; providers: number; sessions: number; online: number; previousOffers: number };
}

/** Filters as the analyst chose them, for the subtitle. */
export interface CoverageFilters {
  role?: string | null;
  learningFormat?: string | null;
  audience?: string | null;
  tier?: string | null;
  countOnlineInRegions?: boolean;
}

const LEVEL_LABEL = { DISTRICT: "Kreis", REGION: "Regierungsbezirk" } as const;
const LEVEL_PLURAL = { DISTRICT: "Land- und Stadtkreise", REGION: "Regierungsbezirke" } as const;
const FORMAT_LABEL = new Map(LEARNING_FORMATS.map((f) => [f.code as string, f.name]));
const AUDIENCE_LABEL = new Map(AUDIENCES.map((a) => [a.code as string, a.name]));
const ROLE_LABEL: Record<string, string> = { KOORDINATION: "Quartierskoordination", STEUERUNG: "Quartierssteuerung" };

export function describeCoverage(data: CoverageData, filters: CoverageFilters): string {
  const parts = [
    `Zeitraum ${formatDay(data.period.from)} bis ${formatDay(data.period.to)}`,
    LEVEL_PLURAL[data.level],
    filters.role ? `Aufgabenfeld ${ROLE_LABEL[filters.role] ?? filters.role}` : null,
    filters.learningFormat ? `Lernformat ${FORMAT_LABEL.get(filters.learningFormat) ?? filters.learningFormat}` : null,
    filters.audience ? `Zielgruppe ${AUDIENCE_LABEL.get(filters.audience) ?? filters.audience}` : null,
    filters.tier ? (filters.tier === "BASIS" ? "nur Basismodule" : "nur Vertiefungsmodule") : null,
    filters.countOnlineInRegions ? "Online-Angebote in jeder Region mitgezählt" : "Online-Angebote gesondert gezählt",
  ];
  return parts.filter(Boolean).join(" · ");
}

const key = (moduleCode: string, regionKey: string) => `${moduleCode}|${regionKey}`;

/**
 * Karlsruhe and Heilbronn are both a Stadtkreis and a Landkreis: two columns with one
 * name would be ambiguous, so such names get the kind. The last digit of a
 * Kreisschlüssel tells: 1–4 Stadtkreis, 5–9 Landkreis (08121 Heilbronn, 08125 Landkreis Heilbronn).
 */
export function uniqueRegionNames<T extends { key: string; name: string }>(regions: T[]): T[] {
  const counts = new Map<string, number>();
  for (const r of regions) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return regions.map((r) => {
    if ((counts.get(r.name) ?? 0) < 2 || !/^\d{5}$/.test(r.key)) return r;
    return { ...r, name: `${r.name} (${Number(r.key[4]) < 5 ? "Stadtkreis" : "Landkreis"})` };
  });
}

/**
 * Modules as rows, regions as columns (44 districts fit a landscape sheet, 29 modules
 * would not fit as columns with readable names), then online and the module's total.
 */
export function coverageMatrix(input: CoverageData, filters: CoverageFilters, stateOf: Date): ExportDocument {
  const data = { ...input, regions: uniqueRegionNames(input.regions) };
  const cells = new Map(data.cells.map((c) => [key(c.moduleCode, c.regionKey), c]));
  const online = new Map(data.online.map((o) => [o.moduleCode, o]));
  const columns: Column[] = [
    { header: "Modul", width: 8 },
    { header: "Modultitel", width: 40 },
    { header: "Lernbereich", width: 11 },
    ...data.regions.map((r) => ({
      header: r.name,
      width: Math.max(6, Math.min(16, r.name.length + 2)),
      numeric: true,
    })),
    { header: "Online", width: 8, numeric: true },
    { header: "Summe Regionen", width: 10, numeric: true },
  ];
  const rows: Cell[][] = data.modules.map((m) => {
    const counts = data.regions.map((r) => cells.get(key(m.code, r.key))?.offers ?? 0);
    return [
      m.code,
      m.title,
      m.learningArea,
      ...counts,
      online.get(m.code)?.offers ?? 0,
      counts.reduce((a, b) => a + b, 0),
    ];
  });
  const detailColumns: Column[] = [
    { header: "Modul", width: 8 },
    { header: "Modultitel", width: 40 },
    { header: LEVEL_LABEL[data.level], width: 26 },
    { header: "Angebote", width: 10, numeric: true },
    { header: "Anbieter", width: 10, numeric: true },
    { header: "Termine", width: 10, numeric: true },
    { header: "Angebote Vorperiode", width: 12, numeric: true },
  ];
  const titles = new Map(data.modules.map((m) => [m.code, m.title]));
  const regionNames = new Map(data.regions.map((r) => [r.key, r.name]));
  const moduleOrder = new Map(data.modules.map((m, i) => [m.code, i]));
  const details: Cell[][] = [...data.cells]
    .sort(
      (a, b) =>
        (moduleOrder.get(a.moduleCode) ?? 99) - (moduleOrder.get(b.moduleCode) ?? 99) ||
        (regionNames.get(a.regionKey) ?? "").localeCompare(regionNames.get(b.regionKey) ?? "", "de"),
    )
    .map((c) => [
      c.moduleCode,
      titles.get(c.moduleCode) ?? "",
      regionNames.get(c.regionKey) ?? c.regionKey,
      c.offers,
      c.providers,
      c.sessions,
      c.previousOffers,
    ]);
  for (const o of data.online) {
    details.push([o.moduleCode, titles.get(o.moduleCode) ?? "", "online", o.offers, o.providers, o.sessions, null]);
  }
  return {
    title: "Abdeckung des Curriculums",
    subtitle: describeCoverage(data, filters),
    stateOf,
    sections: [
      { title: `Angebote je Modul und ${LEVEL_LABEL[data.level]}`, columns, rows },
      { title: "Einzelwerte", columns: detailColumns, rows: details },
    ],
    notes: [
      `Vorperiode: ${formatDay(data.previousPeriod.from)} bis ${formatDay(data.previousPeriod.to)}, ${data.totals.previousOffers} Angebote.`,
      `Summe: ${data.totals.offers} Angebote von ${data.totals.providers} Anbietern mit ${data.totals.sessions} Terminen, davon ${data.totals.online} online.`,
    ],
  };
}

export function gapList(input: CoverageData, filters: CoverageFilters, stateOf: Date): ExportDocument {
  const data = { ...input, regions: uniqueRegionNames(input.regions) };
  const modules = new Map(data.modules.map((m) => [m.code, m]));
  const regionNames = new Map(data.regions.map((r) => [r.key, r.name]));
  const columns: Column[] = [
    { header: "Modul", width: 8 },
    { header: "Modultitel", width: 44 },
    { header: "Lernbereich", width: 11 },
    { header: LEVEL_LABEL[data.level], width: 26 },
    { header: "Zuletzt angeboten", width: 16, date: "day" },
    { header: "Hinweis", width: 30 },
  ];
  const rows: Cell[][] = data.gaps.map((g) => [
    g.moduleCode,
    modules.get(g.moduleCode)?.title ?? "",
    modules.get(g.moduleCode)?.learningArea ?? "",
    regionNames.get(g.regionKey) ?? g.regionKey,
    g.lastOfferedAt,
    g.lastOfferedAt ? null : "noch nie angeboten",
  ]);
  return {
    title: "Lücken im Angebot",
    subtitle: describeCoverage(data, filters),
    stateOf,
    sections: [{ title: `Module ohne Angebot je ${LEVEL_LABEL[data.level]}`, columns, rows }],
    notes: [`${data.gaps.length} Lücken: Modul und Region ohne Angebot im Zeitraum.`],
  };
}
