import { LEARNING_AREAS, LEARNING_FORMATS, MODULES } from "../../schema/taxonomy/taxonomy.ts";
import type { OfferRow } from "../../schema/offer/offer.service.ts";
import { formatDay, formatTime, type Column, type ExportDocument, type Section } from "./table.ts";

/**
 * The overview of current offers, grouped by learning area and module in the guide's
 * order. An offer on two modules is listed under both: the overview answers "what is
 * offered for module X", and a reader looks a module up, not an offer.
 */
export interface OverviewOffer {
  id: string;
  title: string;
  providerName: string;
  sessions: { start: Date; end: Date | null; allDay: boolean }[];
  online: boolean;
  locationName: string | null;
  postalCode: string | null;
  municipality: string | null;
  districtName: string | null;
  regionName: string | null;
  free: boolean;
  priceAmount: number | null;
  priceText: string | null;
  teachingUnits: number | null;
  learningFormat: string | null;
  link: string | null;
  moduleCodes: string[];
}

const decimal = (value: { toString(): string } | null): number | null => (value === null ? null : Number(value));

export function overviewOfferOf(o: OfferRow): OverviewOffer {
  const link = [o.url, o.registrationUrl, o.sourceUrl].find((u) => u && /^https?:\/\//i.test(u)) ?? null;
  return {
    id: o.id,
    title: o.title,
    providerName: o.provider.name,
    sessions: o.sessions.map((s) => ({ start: s.start, end: s.end, allDay: s.allDay })),
    online: o.online,
    locationName: o.locationName,
    postalCode: o.postalCode,
    municipality: o.municipality,
    districtName: o.district?.name ?? null,
    regionName: o.district?.region.name ?? null,
    free: o.free,
    priceAmount: decimal(o.priceAmount),
    priceText: o.priceText,
    teachingUnits: decimal(o.teachingUnits),
    learningFormat: o.learningFormat,
    link,
    moduleCodes: o.moduleCodes,
  };
}

export const OVERVIEW_COLUMNS: Column[] = [
  { header: "Lernbereich", width: 24 },
  { header: "Modul", width: 34 },
  { header: "Titel", width: 48 },
  { header: "Anbieter", width: 30 },
  { header: "Termine", width: 30 },
  { header: "Beginn", width: 12, date: "day" },
  { header: "Ort", width: 30 },
  { header: "Kreis", width: 22 },
  { header: "Preis", width: 14 },
  { header: "UE", width: 6, numeric: true },
  { header: "Lernformat", width: 22 },
  { header: "Link", width: 40, link: true },
];

const euro = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });

export function priceLabel(o: Pick<OverviewOffer, "free" | "priceAmount" | "priceText">): string {
  if (o.free) return "kostenfrei";
  // A plain space: the currency format's no-break space surprises CSV readers and filters.
  if (o.priceAmount !== null) return euro.format(o.priceAmount).replace(/\u00a0/g, " ");
  return o.priceText?.trim() || "keine Angabe";
}

/** "18.03.2027, 14:00–17:30 Uhr" for one session; first and last day with the count for several. */
export function datesLabel(sessions: OverviewOffer["sessions"]): string {
  const first = sessions[0];
  if (!first) return "Termine auf Anfrage";
  if (sessions.length === 1) {
    if (first.allDay) return formatDay(first.start);
    const end = first.end && formatDay(first.end) === formatDay(first.start) ? `–${formatTime(first.end)}` : "";
    return `${formatDay(first.start)}, ${formatTime(first.start)}${end} Uhr`;
  }
  const last = sessions[sessions.length - 1]!;
  return `${formatDay(first.start)} bis ${formatDay(last.end ?? last.start)} (${sessions.length} Termine)`;
}

export function placeLabel(o: OverviewOffer): string {
  const town = [o.postalCode, o.municipality].filter(Boolean).join(" ");
  const place = [o.locationName, town].filter((p) => p && p.trim()).join(", ");
  if (o.online) return place ? `online und ${place}` : "online";
  return place || "keine Angabe";
}

const formatName = new Map(LEARNING_FORMATS.map((f) => [f.code as string, f.name]));

function offerRow(area: string, module: string, o: OverviewOffer) {
  return [
    area,
    module,
    o.title,
    o.providerName,
    datesLabel(o.sessions),
    o.sessions[0]?.start ?? null,
    placeLabel(o),
    o.districtName,
    priceLabel(o),
    o.teachingUnits,
    o.learningFormat ? (formatName.get(o.learningFormat) ?? o.learningFormat) : null,
    o.link && /^https?:\/\//i.test(o.link) ? o.link : null,
  ];
}

const byStart = (a: OverviewOffer, b: OverviewOffer): number =>
  (a.sessions[0]?.start.getTime() ?? Infinity) - (b.sessions[0]?.start.getTime() ?? Infinity) ||
  a.title.localeCompare(b.title, "de");

export function offersOverview(offers: OverviewOffer[], stateOf: Date): ExportDocument {
  const sorted = [...offers].sort(byStart);
  const sections: Section[] = [];
  for (const area of LEARNING_AREAS) {
    const areaLabel = `${area.code} ${area.name}`;
    const groups = MODULES.filter((m) => m.learningArea === area.code)
      .map((m) => {
        const label = `${m.code} ${m.title}`;
        return {
          title: label,
          rows: sorted.filter((o) => o.moduleCodes.includes(m.code)).map((o) => offerRow(areaLabel, label, o)),
        };
      })
      .filter((g) => g.rows.length);
    sections.push({ title: areaLabel, columns: OVERVIEW_COLUMNS, rows: [], groups });
  }
  const unassigned = sorted.filter((o) => !o.moduleCodes.some((c) => MODULES.some((m) => m.code === c)));
  if (unassigned.length) {
    const label = "Ohne Modulzuordnung";
    sections.push({
      title: label,
      columns: OVERVIEW_COLUMNS,
      rows: [],
      groups: [{ title: label, rows: unassigned.map((o) => offerRow(label, "–", o)) }],
    });
  }
  return {
    title: "Übersicht der Fortbildungsangebote",
    subtitle: `Qualifiziert ins Quartier! – ${offers.length} aktuelle Angebote nach Lernbereich und Modul`,
    stateOf,
    sections,
    notes: [
      "Ein Angebot zu mehreren Modulen steht bei jedem dieser Module.",
      "UE = Unterrichtseinheiten à 45 Minuten, soweit der Anbieter sie angibt.",
    ],
  };
}
