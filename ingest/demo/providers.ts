/**
 * The demo's fictional providers. Each publishes ONE feed in ONE format, written the way
 * such organisations' websites really write them; common formats have several providers.
 */
import type { FeedKind } from "../adapters/types.ts";
import type { DateShape } from "./topics.ts";

/** The concrete publishing style; several styles share one FeedKind. */
export const DEMO_FORMATS = [
  "events-jsonld",
  "course-jsonld",
  "ics",
  "rss",
  "atom",
  "csv",
  "xlsx",
  "openqcat",
  "html",
  "graphql",
] as const;
export type DemoFormat = (typeof DEMO_FORMATS)[number];

export const FORMAT_KIND: Readonly<Record<DemoFormat, FeedKind>> = {
  "events-jsonld": "JSONLD",
  "course-jsonld": "JSONLD",
  ics: "ICAL",
  rss: "RSS",
  atom: "RSS",
  csv: "CSV",
  xlsx: "XLSX",
  openqcat: "OPENQCAT",
  html: "HTML",
  graphql: "GRAPHQL",
};

/** How a provider states teaching units in prose (null: it never says). */
export type UnitsStyle = "UE" | "WSt" | "Unterrichtsstunden" | null;

export interface DemoProviderProfile {
  slug: string;
  name: string;
  format: DemoFormat;
  /** Path of the feed below `/<slug>/`. */
  feedPath: string;
  description: string;
  contactEmail: string;
  phone: string;
  /** Where the provider holds its courses (municipalities from DEMO_PLACES). */
  towns: readonly string[];
  offerCount: number;
  unitsStyle: UnitsStyle;
  /** 0..1: how often a paid provider's offer is free anyway. */
  freeShare: number;
  /** Layout variant within a format (two HTML providers mark up differently). */
  variant: 1 | 2;
  schedule: string;
  /**
   * Date shapes the feed must contain, so every format's hard cases are always present
   * whatever the base date (an iCal weekly series with EXDATE, a whole-day range, …).
   */
  requiredShapes: readonly DateShape[];
}

export const DEMO_PROVIDER_PROFILES: readonly DemoProviderProfile[] = [
  {
    slug: "ev-akademie-albtrauf",
    name: "Evangelische Akademie am Albtrauf",
    format: "events-jsonld",
    variant: 1,
    feedPath: "veranstaltungen/",
    description:
      "Tagungen, Fachtage und Seminare zu Kirche, Gesellschaft und Gemeinwesen mit eigenem Tagungshaus am Fuß der Schwäbischen Alb.",
    contactEmail: "tagungen@ev-akademie-albtrauf.example",
    phone: "07164 7943-0",
    towns: ["Bad Boll", "Göppingen", "Stuttgart", "Esslingen am Neckar"],
    offerCount: 14,
    unitsStyle: "UE",
    freeShare: 0.15,
    schedule: "15 */6 * * *",
    requiredShapes: ["WEBINAR", "TWO_DAY"],
  },
  {
    slug: "vhs-neckar-fils",
    name: "Volkshochschule Neckar-Fils",
    format: "html",
    variant: 1,
    feedPath: "kurse/",
    description:
      "Kommunale Volkshochschule mit Außenstellen im Landkreis; Programmbereich Gesellschaft, Ehrenamt und Beruf.",
    contactEmail: "info@vhs-neckar-fils.example",
    phone: "0711 3512-2940",
    towns: ["Esslingen am Neckar", "Göppingen", "Waiblingen", "Böblingen"],
    offerCount: 12,
    unitsStyle: "Unterrichtsstunden",
    freeShare: 0.1,
    schedule: "30 5 * * *",
    requiredShapes: ["WEEKLY", "TWO_DAY"],
  },
  {
    slug: "kreisbildungswerk-oberschwaben",
    name: "Kreisbildungswerk Oberschwaben",
    format: "ics",
    variant: 1,
    feedPath: "programm.ics",
    description: "Bildungswerk des Landkreises für Verwaltung, Vereine und Ehrenamt in Oberschwaben und am Bodensee.",
    contactEmail: "bildungswerk@kbw-oberschwaben.example",
    phone: "0751 8599-410",
    towns: ["Ravensburg", "Biberach an der Riß", "Friedrichshafen", "Sigmaringen", "Ehingen (Donau)"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.2,
    schedule: "0 4 * * *",
    requiredShapes: ["WEEKLY", "ALL_DAY_RANGE"],
  },
  {
    slug: "diakonie-fortbildung-neckar-alb",
    name: "Diakonisches Fortbildungsinstitut Neckar-Alb",
    format: "csv",
    variant: 1,
    feedPath: "export/angebote.csv",
    description:
      "Fort- und Weiterbildung für Mitarbeitende und Ehrenamtliche in Diakonie, Kirche und Sozialwirtschaft.",
    contactEmail: "fortbildung@diakonie-neckar-alb.example",
    phone: "07121 9474-55",
    towns: ["Reutlingen", "Tübingen", "Balingen", "Nagold"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.1,
    schedule: "0 3 * * 1",
    requiredShapes: ["WEEKLY", "CERTIFICATE"],
  },
  {
    slug: "hochschule-oberrhein-wbz",
    name: "Weiterbildungszentrum der Hochschule für Soziale Arbeit Oberrhein",
    format: "course-jsonld",
    variant: 1,
    feedPath: "weiterbildung/",
    description:
      "Berufsbegleitende Zertifikatskurse und Fachseminare der Hochschule für Fachkräfte aus Sozialer Arbeit und Verwaltung.",
    contactEmail: "weiterbildung@hsa-oberrhein.example",
    phone: "0761 4791-330",
    towns: ["Freiburg im Breisgau", "Offenburg", "Lörrach", "Emmendingen", "Müllheim"],
    offerCount: 12,
    unitsStyle: "WSt",
    freeShare: 0.05,
    schedule: "0 2 * * *",
    requiredShapes: ["CERTIFICATE", "WEEKLY"],
  },
  {
    slug: "buergerstiftungen-suedwest",
    name: "Netzwerk Bürgerstiftungen Südwest",
    format: "rss",
    variant: 1,
    feedPath: "termine/feed/",
    description:
      "Zusammenschluss von Bürgerstiftungen in Baden-Württemberg; Austausch, Fortbildung und Beratung für Stiftende und Engagierte.",
    contactEmail: "kontakt@buergerstiftungen-suedwest.example",
    phone: "0711 2484-770",
    towns: ["Stuttgart", "Karlsruhe", "Heidelberg", "Ulm", "Konstanz"],
    offerCount: 12,
    unitsStyle: null,
    freeShare: 0.45,
    schedule: "0 */4 * * *",
    requiredShapes: ["TWO_DAY", "WEBINAR"],
  },
  {
    slug: "kommunalakademie-bw",
    name: "Kommunale Akademie der Städte und Gemeinden",
    format: "openqcat",
    variant: 1,
    feedPath: "export/openqcat.xml",
    description:
      "Fortbildungseinrichtung der kommunalen Familie für Bürgermeisterinnen und Bürgermeister, Gemeinderäte und Verwaltungsfachkräfte.",
    contactEmail: "seminare@kommunalakademie-bw.example",
    phone: "0711 22572-60",
    towns: ["Stuttgart", "Ludwigsburg", "Karlsruhe", "Tuttlingen", "Schwäbisch Gmünd"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.05,
    schedule: "0 1 * * *",
    requiredShapes: ["CERTIFICATE", "ALL_DAY_RANGE"],
  },
  {
    slug: "paritaet-bildungswerk-kurpfalz",
    name: "Paritätisches Bildungswerk Kurpfalz",
    format: "xlsx",
    variant: 1,
    feedPath: "download/veranstaltungen.xlsx",
    description:
      "Bildungswerk der Mitgliedsorganisationen des Paritätischen in Nordbaden: Fortbildung für soziale Arbeit, Selbsthilfe und Engagement.",
    contactEmail: "bildungswerk@paritaet-kurpfalz.example",
    phone: "0621 3398-120",
    towns: ["Mannheim", "Heidelberg", "Schwetzingen", "Mosbach", "Bruchsal"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.15,
    schedule: "0 6 * * 1",
    requiredShapes: ["WEEKLY", "TWO_DAY"],
  },
  {
    slug: "familienbildung-hohenlohe-franken",
    name: "Familienbildungsstätte Hohenlohe-Franken",
    format: "ics",
    variant: 2,
    feedPath: "kalender/veranstaltungen.ics",
    description:
      "Familienbildung, Elternkurse und Angebote für Nachbarschaft und Generationen in Hohenlohe und Tauberfranken.",
    contactEmail: "fbs@fbs-hohenlohe-franken.example",
    phone: "07940 9133-0",
    towns: ["Künzelsau", "Schwäbisch Hall", "Tauberbischofsheim", "Heilbronn", "Bad Wimpfen"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.25,
    schedule: "45 5 * * *",
    requiredShapes: ["WEEKLY", "ALL_DAY_RANGE"],
  },
  {
    slug: "quartiersakademie-neckarwohnen",
    name: "Quartiersakademie der NeckarWohnen eG",
    format: "graphql",
    variant: 1,
    feedPath: "graphql",
    description:
      "Bildungsangebot einer Wohnungsgenossenschaft für Quartiersarbeit, Nachbarschaft und soziales Management in Wohnquartieren.",
    contactEmail: "quartiersakademie@neckarwohnen.example",
    phone: "07131 6488-300",
    towns: ["Heilbronn", "Ludwigsburg", "Stuttgart", "Pforzheim", "Waiblingen"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.35,
    schedule: "*/30 * * * *",
    requiredShapes: ["WEEKLY", "CERTIFICATE"],
  },
  {
    slug: "landesnetzwerk-engagement",
    name: "Landesnetzwerk Engagement im Südwesten",
    format: "atom",
    variant: 1,
    feedPath: "aktuelles.atom",
    description:
      "Netzwerk von Kommunen, Landkreisen und Verbänden zur Förderung des Bürgerschaftlichen Engagements in Baden-Württemberg.",
    contactEmail: "netzwerk@engagement-suedwest.example",
    phone: "0711 6375-810",
    towns: ["Stuttgart", "Karlsruhe", "Freiburg im Breisgau", "Tübingen", "Baden-Baden", "Calw"],
    offerCount: 12,
    unitsStyle: "WSt",
    freeShare: 0.5,
    schedule: "0 */3 * * *",
    requiredShapes: ["WEBINAR", "WEEKLY"],
  },
  {
    slug: "verwaltungsschule-oberrhein",
    name: "Verwaltungsschule Oberrhein",
    format: "events-jsonld",
    variant: 2,
    feedPath: "seminare/",
    description:
      "Aus- und Fortbildung für die öffentliche Verwaltung mit Seminarangeboten zu Recht, Organisation und Kommunalentwicklung.",
    contactEmail: "seminare@vws-oberrhein.example",
    phone: "0721 98145-0",
    towns: ["Karlsruhe", "Pforzheim", "Bühl", "Bretten", "Freudenstadt", "Mühlacker"],
    offerCount: 12,
    unitsStyle: "UE",
    freeShare: 0.05,
    schedule: "20 2 * * *",
    requiredShapes: ["CERTIFICATE", "ALL_DAY_RANGE"],
  },
  {
    slug: "caritas-fortbildung-bodensee",
    name: "Caritas-Fortbildungsinstitut Bodensee-Donau",
    format: "html",
    variant: 2,
    feedPath: "seminare/uebersicht.html",
    description: "Fortbildungen für Fachkräfte und Freiwillige in Caritas, Pflege, Beratung und Gemeindecaritas.",
    contactEmail: "fortbildung@caritas-bodensee-donau.example",
    phone: "07531 1200-64",
    towns: [
      "Konstanz",
      "Villingen-Schwenningen",
      "Tuttlingen",
      "Rottweil",
      "Waldshut-Tiengen",
      "Ulm",
      "Heidenheim an der Brenz",
      "Aalen",
    ],
    offerCount: 13,
    unitsStyle: "UE",
    freeShare: 0.15,
    schedule: "10 4 * * *",
    requiredShapes: ["WEEKLY", "TWO_DAY"],
  },
];
